package io.github.vforklint.frontend.java;

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
                int found = file.find(cursor, hit.option());
                var at = file.locate(cursor, hit.option());
                cursor = found < 0 ? cursor : found + 1;
                out.setting(at, hit.value(), what, null, false);
            }
        }
    }
}
