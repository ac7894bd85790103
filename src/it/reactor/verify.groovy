import groovy.json.JsonSlurper

def aggregate = new File(basedir, 'target/vforklint/vforklint-aggregate.sarif')
def sarif = new JsonSlurper().parse(aggregate)
// one run for the whole build, in vforklint's own category: GitHub takes it in one upload
assert sarif.runs.size() == 1
def run = sarif.runs[0]
assert run.automationDetails.id == 'vforklint/'
assert run.results.size() == 1
def uri = run.results[0].locations[0].physicalLocation.artifactLocation.uri
assert uri.endsWith('reactor/jni/src/main/jni/spawn.c') : uri
assert run.results[0].ruleId == 'VFK101'
assert run.invocations.size() == 1 && run.invocations[0].executionSuccessful
// each module with C sources has its own reports; the one without has none
assert new File(basedir, 'native-ok/target/vforklint/vforklint.sarif').isFile()
assert new File(basedir, 'jni/target/vforklint/vforklint.xml').isFile()
assert !new File(basedir, 'java-only/target/vforklint').exists()
// the aggregate alone (invocation 1) checked the modules into its own folder, not theirs
assert new File(basedir, 'target/vforklint/modules/jni/vforklint.sarif').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('vforklint found problems in jni; all of them are in ')
assert log.contains('vforklint: jni: 1 problem (1 error, 0 warnings, 0 notes) in 1 file, 1 vfork site')
assert log.contains('vforklint: 2 modules in ')
// with failOnSeverity=never the finding is still in the log, as a warning
assert log =~ /\[WARNING\] .*jni\/src\/main\/jni\/spawn\.c:9:9: error: printf/
assert log.contains('vforklint: nothing to scan in java-only')
// the parallel build ran without Maven's warning about goals that are not thread-safe
assert log.contains('Using the MultiThreadedBuilder')
assert !log.contains('not marked as @threadSafe')
return true
