import groovy.json.JsonSlurper

def baseline = new JsonSlurper().parse(new File(basedir, 'vforklint-baseline.json'))
assert baseline.format == 'vforklint-baseline'
assert baseline.entries.size() == 1
assert baseline.entries[0].rule == 'VFK101'
assert baseline.entries[0].path.endsWith('src/main/c/spawn.c')
assert baseline.entries[0].function == 'spawn'
def log = new File(basedir, 'build.log').text
// the second build ran against the baseline: the finding is known, the build passes
assert log.contains('vforklint: no problems found (2 files, 1 vfork site); 1 in the baseline')
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/vforklint/vforklint.sarif'))
assert sarif.runs[0].results.isEmpty()
return true
