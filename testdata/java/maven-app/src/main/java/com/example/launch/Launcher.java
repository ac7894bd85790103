package com.example.launch;

import java.util.List;

public class Launcher {

    private static final boolean IS_MAC = System.getProperty("os.name").startsWith("Mac");

    public static void main(String[] args) throws Exception {
        String home = System.getProperty("user.home");
        System.setProperty(Keys.LAUNCH, Modes.CHOSEN); // expect: VFK301@41
        if (IS_MAC) {
            System.setProperty(Keys.LAUNCH, "VFORK"); // expect: VFK302
        }
        new ProcessBuilder("true").start().waitFor();
        System.setProperty("jdk.lang.Process.launchMechanism", "FORK"); // expect: VFK303
    }

    static List<String> childCommand(String jar) {
        // A JVM this code starts gets the option on its command line.
        return List.of("java", "-Djdk.lang.Process.launchMechanism=VFORK", "-jar", jar); // expect: VFK301@33
    }

    static String help() {
        // Mentions in comments and prose are not settings: -Djdk.lang.Process.launchMechanism=VFORK
        return "If processes fail to start, try -Djdk.lang.Process.launchMechanism=VFORK or FORK";
    }

    static String current() {
        return System.getProperty("jdk.lang.Process.launchMechanism", "POSIX_SPAWN");
    }
}
