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
// each module has its own reports, in a category of its own; the Java module's sources and POM are scanned too
def jniReport = new JsonSlurper().parse(new File(basedir, 'jni/target/vforklint/vforklint.sarif'))
assert jniReport.runs[0].automationDetails.id == 'vforklint/jni/'
assert new File(basedir, 'native-ok/target/vforklint/vforklint.sarif').isFile()
assert new File(basedir, 'jni/target/vforklint/vforklint.xml').isFile()
def javaOnly = new JsonSlurper().parse(new File(basedir, 'java-only/target/vforklint/vforklint.sarif'))
assert javaOnly.runs[0].results.isEmpty()
assert javaOnly.runs[0].automationDetails.id == 'vforklint/java-only/'
// the aggregate alone (invocation 1) checked the modules into its own folder, not theirs
assert new File(basedir, 'target/vforklint/modules/jni/vforklint.sarif').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('vforklint found problems in jni; all of them are in ')
assert log.contains('vforklint: jni: 1 problem (1 error, 0 warnings, 0 notes) in 2 files, 1 vfork site')
assert log.contains('vforklint: 4 modules in ')
// with failOnSeverity=never the finding is still in the log, as a warning
assert log =~ /\[WARNING\] .*jni\/src\/main\/jni\/spawn\.c:9:9: error: printf/
assert log.contains('vforklint: java-only: no problems found (2 files, 0 vfork sites)')
// the parallel build ran without Maven's warning about goals that are not thread-safe
assert log.contains('Using the MultiThreadedBuilder')
assert !log.contains('not marked as @threadSafe')
return true
