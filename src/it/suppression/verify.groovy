import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('vforklint: no problems found (2 files, 1 vfork site); 1 suppressed in the code')
assert log.contains('BUILD SUCCESS')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/vforklint/vforklint.sarif'))
assert sarif.runs[0].results.isEmpty()
return true
