#!/bin/sh
# Start the service.
export JAVA_TOOL_OPTIONS="-Xmx1g -Djdk.lang.Process.launchMechanism=vfork" # expect: VFK301@34
echo "If spawning fails, try -Djdk.lang.Process.launchMechanism=vfork"
echo If spawning still fails, try -Djdk.lang.Process.launchMechanism=vfork
# java -Djdk.lang.Process.launchMechanism=vfork -jar app.jar   (commented out: no finding)
# vforklint-disable-next-line VFK301 -- the tool image runs JDK 11 under QEMU; removed with the JDK 21 image
exec java -Djdk.lang.Process.launchMechanism=vfork -jar /opt/app/app.jar
