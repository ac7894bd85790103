package io.github.vforklint.frontend.java;

import io.github.vforklint.finding.Location;

/**
 * Files that are nothing but options, blank-separated: Maven's {@code .mvn/jvm.config} (the
 * Maven JVM's options) and {@code .mvn/maven.config} (Maven command-line options, whose
 * {@code -D} also sets the system property in the Maven JVM as it starts).
 */
final class OptionFileReader {

    private OptionFileReader() {
    }

    static void read(JvmFile file, Observed out) {
        String what = file.fileName().equals("jvm.config") ? "the Maven JVM's options in .mvn/jvm.config"
                : "Maven's options in .mvn/maven.config";
        int cursor = 0;
        for (String word : ShellCommands.words(file.chars())) {
            for (LaunchOption.Hit hit : LaunchOption.in(word)) {
                JvmFile.Found next = file.next(cursor, hit.option());
                Location at = next.at();
                cursor = next.after();
                out.setting(at, hit.value(), what, null, false);
            }
        }
    }
}
