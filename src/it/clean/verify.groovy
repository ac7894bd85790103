import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def out = new File(basedir, 'target/vforklint')
def sarif = new JsonSlurper().parse(new File(out, 'vforklint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs.size() == 1
assert sarif.runs[0].results.isEmpty()
assert sarif.runs[0].tool.driver.name == 'vforklint'
def xml = new XmlSlurper().parse(new File(out, 'vforklint.xml'))
assert xml.name() == 'checkstyle'
assert xml.file.error.size() == 0
def log = new File(basedir, 'build.log').text
assert log.contains('vforklint: no problems found (2 files, 1 vfork site)')
assert log.contains('BUILD SUCCESS')
// vforklint:help, found by the prefix, describes the goals and their parameters
assert log.contains('vforklint:aggregate') && log.contains('vforklint:check')
return true
