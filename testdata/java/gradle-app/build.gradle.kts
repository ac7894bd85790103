// Setting the property here changes the Gradle daemon, which may have started processes already.
System.setProperty("jdk.lang.Process.launchMechanism", "VFORK") // expect: VFK301@57 VFK303@57

plugins {
    application
}

java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(21)
    }
}

application {
    applicationDefaultJvmArgs = listOf("-Xmx1g", "-Djdk.lang.Process.launchMechanism=FORK")
}

tasks.test {
    jvmArgs("-Djdk.lang.Process.launchMechanism=VFORK") // expect: VFK301@14
    systemProperty("jdk.lang.Process.launchMechanism", "POSIX_SPAWN")
    systemProperty("jdk.lang.Process.launchMechanism", providers.gradleProperty("mode").get()) // expect-note
    // jvmArgs("-Djdk.lang.Process.launchMechanism=VFORK") is commented out: no finding
    doLast { println("set -Djdk.lang.Process.launchMechanism=VFORK to debug") }
}
