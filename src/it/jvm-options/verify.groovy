import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// 1, 2: VFORK in a module's surefire argLine and in the build's .mvn/jvm.config (the top project's)
assert log =~ /\[ERROR\] \.mvn\/jvm\.config:1:10: error: jdk\.lang\.Process\.launchMechanism=VFORK .*\[VFK301 launch-mechanism-vfork\]/
assert log =~ /\[ERROR\] service\/pom\.xml:18:29: error: jdk\.lang\.Process\.launchMechanism=VFORK \(<argLine> of maven-surefire-plugin .*\[VFK301 launch-mechanism-vfork\]/
assert log.contains('vforklint found problems in jvm-options: 1 problem (1 error, 0 warnings, 0 notes)')
assert log.contains('vforklint found problems in service: 1 problem (1 error, 0 warnings, 0 notes)')
// tool's argLine is suppressed in its POM, and its Java source has nothing to report
assert !(log =~ /tool\/pom\.xml:\d+:\d+: error/)
assert log.contains('vforklint: no problems found (2 files, 1 vfork site); 1 suppressed in the code')
assert log.contains('BUILD FAILURE')

// 3: each module's baseline records its own finding (paths relative to the repository root)
def rootBaseline = new JsonSlurper().parse(new File(basedir, 'vforklint-baseline.json'))
assert rootBaseline.entries.size() == 1
assert rootBaseline.entries[0].rule == 'VFK301'
assert rootBaseline.entries[0].path.endsWith('jvm-options/.mvn/jvm.config')
def serviceBaseline = new JsonSlurper().parse(new File(basedir, 'service/vforklint-baseline.json'))
assert serviceBaseline.entries.size() == 1
assert serviceBaseline.entries[0].path.endsWith('jvm-options/service/pom.xml')

// 4: with the baselines the same build passes
assert log.contains('vforklint: no problems found (2 files, 1 vfork site); 1 in the baseline')
assert log.contains('vforklint: no problems found (1 file, 1 vfork site); 1 in the baseline')
assert log.trim().endsWith('BUILD SUCCESS') || log.lastIndexOf('BUILD SUCCESS') > log.lastIndexOf('BUILD FAILURE')
def sarif = new JsonSlurper().parse(new File(basedir, 'service/target/vforklint/vforklint.sarif'))
assert sarif.runs[0].results.isEmpty()
// each module's report is in a category of its own, so modules can be uploaded one by one
assert sarif.runs[0].automationDetails.id == 'vforklint/service/'
def top = new JsonSlurper().parse(new File(basedir, 'target/vforklint/vforklint.sarif'))
assert top.runs[0].automationDetails.id == 'vforklint/'
return true
