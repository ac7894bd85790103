package io.github.vforklint.frontend.java;

import io.github.vforklint.finding.Location;

/**
 * {@code gradle.properties}, read as java.util.Properties reads it (logical lines, '#' and '!'
 * comments, the key ending at the first unescaped '=', ':' or blank) but keeping positions:
 * {@code org.gradle.jvmargs} and any other value holding the option, and
 * {@code systemProp.jdk.lang.Process.launchMechanism}, which Gradle sets in its JVM.
 */
final class PropertiesReader {

    private static final String SYSTEM_PROP = "systemProp." + LaunchOption.PROPERTY;

    private PropertiesReader() {
    }

    static void read(JvmFile file, Observed out) {
        for (LogicalLines.Line line : LogicalLines.of(file.chars(), false)) {
            String text = line.text().stripLeading();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            int keyEnd = keyEnd(text);
            String key = text.substring(0, keyEnd).replace("\\", "");
            String value = valueAfter(text, keyEnd);
            int cursor = line.start() + (line.text().length() - text.length()) + keyEnd;
            if (key.equals(SYSTEM_PROP)) {
                if (!value.isEmpty()) {
                    out.setting(file.locate(cursor, value), value, SYSTEM_PROP + " in " + file.fileName(), null, false);
                }
                continue;
            }
            for (LaunchOption.Hit hit : LaunchOption.in(value)) {
                JvmFile.Found next = file.next(cursor, hit.option());
                Location at = next.at();
                cursor = next.after();
                out.setting(at, hit.value(), key + " in " + file.fileName(), null, false);
            }
        }
    }

    private static int keyEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                return i;
            }
        }
        return text.length();
    }

    private static String valueAfter(String text, int keyEnd) {
        int i = keyEnd;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '=' || text.charAt(i) == ':')) {
            i++;
        }
        return text.substring(i).strip();
    }
}
