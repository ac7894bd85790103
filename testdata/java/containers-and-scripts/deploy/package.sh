#!/bin/bash
# Every variable the JVM and the build tools read options from, and the packaging tools' own options.
export JDK_JAVA_OPTIONS='-Djdk.lang.Process.launchMechanism=VFORK' # expect: VFK301@26
_JAVA_OPTIONS=-Djdk.lang.Process.launchMechanism=fork java -jar tools.jar
MAVEN_OPTS="-Xmx1g -Djdk.lang.Process.launchMechanism=vfork" mvn -B verify # expect: VFK301@20
jpackage --name app --java-options "-Djdk.lang.Process.launchMechanism=VFORK" --main-jar app.jar # expect: VFK301@37
jshell -J-Djdk.lang.Process.launchMechanism=vfork # expect: VFK301@8
cat > .mvn/jvm.config <<EOF2
-Xmx2g
-Djdk.lang.Process.launchMechanism=vfork
EOF2
