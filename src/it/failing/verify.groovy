import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def out = new File(basedir, 'target/vforklint')
def sarif = new JsonSlurper().parse(new File(out, 'vforklint.sarif'))
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'VFK101'
assert results[0].level == 'error'
assert results[0].locations[0].physicalLocation.artifactLocation.uri.endsWith('src/main/jni/spawn.c')
assert results[0].locations[0].physicalLocation.region.startLine == 10
assert results[0].partialFingerprints['vforklint/v1'] ==~ /[0-9a-f]{32}/
def xml = new XmlSlurper().parse(new File(out, 'vforklint.xml'))
assert xml.file.error.size() == 1
assert xml.file.error[0].@source.text() == 'vforklint.VFK101'
def log = new File(basedir, 'build.log').text
// the finding itself is in the log, gcc-style, and the failure names it
assert log =~ /\[ERROR\] .*src\/main\/jni\/spawn\.c:10:9: error: printf\(\) in the vfork child/
// fully analysed: jni.h came from the JDK (no "not fully analysed" in the summary)
assert log.contains('vforklint found problems in failing: 1 problem (1 error, 0 warnings, 0 notes) in 2 files, 1 vfork site; see ')
// the plugin names the JDK's header folders itself: no note that the C front end had to fall back to them
assert !new File(out, 'vforklint.txt').text.contains('read from the JDK running vforklint')
assert log.contains('BUILD FAILURE')
return true
