package io.github.vforklint.analysis.jvm;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.finding.Location;

/**
 * A place that gives a JVM a value for {@code jdk.lang.Process.launchMechanism}.
 *
 * @param location  the value as written (line and column of its first character)
 * @param value     the value as the JVM will read it (case as written)
 * @param via       how the JVM gets it, for messages: "JAVA_TOOL_OPTIONS in a Dockerfile ENV",
 *                  "System.setProperty in Launcher.main"
 * @param jdk       the JDK it will meet, or null when the build does not say
 * @param macOsOrAixOnly the setting is made only where the OS is macOS or AIX (a Maven profile
 *                  activated on that OS family, a branch testing for it)
 * @param effect    whether the JDK can still act on it
 * @param why       for {@link Effect#LATE} and {@link Effect#LOST}: what makes it so, for messages
 */
public record LaunchMechanismSetting(Location location, String value, String via, TargetJdk jdk,
                                     boolean macOsOrAixOnly, Effect effect, String why) implements Observation {

    /** When the setting is made, compared with when the JDK reads the property. */
    public enum Effect {
        /** On the command line or in the environment of a starting JVM: always read. */
        AT_START,
        /** In Java code that runs before anything can start a process (main's first statements, a static initializer, premain). */
        EARLY,
        /** In Java code that can run after a process was started: the JDK may have read the property already. */
        LATE,
        /** Never reaches a JVM (a Dockerfile {@code RUN export} whose variable ends with that RUN). */
        LOST
    }

    /** The JDK reads the value in upper case (Locale.ROOT). */
    public boolean isVfork() {
        return value.toUpperCase(java.util.Locale.ROOT).equals("VFORK");
    }

    /** FORK, POSIX_SPAWN and VFORK, in any case, are the only values any JDK accepts. */
    public boolean isKnownValue() {
        String v = value.toUpperCase(java.util.Locale.ROOT);
        return v.equals("VFORK") || v.equals("FORK") || v.equals("POSIX_SPAWN");
    }
}
