package io.github.vforklint.frontend.java;

import io.github.vforklint.finding.Location;
import io.github.vforklint.analysis.jvm.TargetJdk;

import java.util.Set;

/**
 * systemd unit files: {@code Environment=} assignments and {@code ExecStart=} (and the other Exec
 * lines) command lines, quoted as systemd quotes them (close enough to the shell's for words).
 * Lines starting with '#' or ';' are comments. A unit that runs {@code $JAVA_HOME/bin/java} with
 * {@code JAVA_HOME} set to a versioned JDK directory names its JDK.
 */
final class SystemdUnitReader {

    private static final Set<String> KEYS = Set.of("Environment", "ExecStart", "ExecStartPre", "ExecStartPost",
            "ExecReload", "ExecStop", "ExecStopPost", "ExecCondition");

    private SystemdUnitReader() {
    }

    /**
     * The JDK of a unit that sets {@code Environment=JAVA_HOME=/usr/lib/jvm/java-17-...} and starts
     * {@code $JAVA_HOME/bin/java}: the directory names the release. Null otherwise.
     */
    private static TargetJdk javaHome(JvmFile file) {
        String home = null;
        boolean used = false;
        for (LogicalLines.Line line : LogicalLines.of(file.chars(), true)) {
            String text = line.text().strip();
            int eq = text.indexOf('=');
            if (eq <= 0 || text.startsWith("#") || text.startsWith(";")) {
                continue;
            }
            String key = text.substring(0, eq).strip();
            if (key.equals("Environment")) {
                for (String word : ShellCommands.words(text.substring(eq + 1))) {
                    if (word.startsWith("JAVA_HOME=")) {
                        home = word.substring("JAVA_HOME=".length());
                    }
                }
            } else if (key.startsWith("Exec") && text.contains("JAVA_HOME")) {
                used = true;
            }
        }
        return home != null && used ? JdkImages.fromHome(home, "JAVA_HOME in " + file.fileName()) : null;
    }

    static void read(JvmFile file, Observed out) {
        TargetJdk jdk = javaHome(file);
        for (LogicalLines.Line line : LogicalLines.of(file.chars(), true)) {
            String text = line.text().strip();
            int eq = text.indexOf('=');
            if (text.startsWith("#") || text.startsWith(";") || eq <= 0) {
                continue;
            }
            String key = text.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                continue;
            }
            int cursor = line.start();
            for (String word : ShellCommands.words(text.substring(eq + 1))) {
                // Exec lines may prefix the program with '-', '@', '+' or '!': they do not change the words.
                for (LaunchOption.Hit hit : LaunchOption.in(word)) {
                    JvmFile.Found next = file.next(cursor, hit.option());
                    Location at = next.at();
                    cursor = next.after();
                    String via = key.equals("Environment") && word.contains("=")
                            ? word.substring(0, word.indexOf('=')) + " in the unit's Environment=" : key + "= of the unit";
                    out.setting(at, hit.value(), via + " (" + file.fileName() + ")", jdk, false);
                }
            }
        }
    }
}
