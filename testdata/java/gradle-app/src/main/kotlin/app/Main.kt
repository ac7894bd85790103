package app

// Kotlin sources are read as tokens: the key/value and argument-list forms, without timing.
fun main(args: Array<String>) {
    System.setProperty("jdk.lang.Process.launchMechanism", "VFORK") // expect: VFK301@61
    val child = listOf("java", "-Djdk.lang.Process.launchMechanism=FORK", "-jar", "worker.jar")
    ProcessBuilder(child).inheritIO().start().waitFor()
}
