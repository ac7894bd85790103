package io.github.vforklint.frontend.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code -Djdk.lang.Process.launchMechanism=VALUE} option (also {@code -J-D...}, as
 * jshell, javac and native-image pass options to their JVM) inside one token a reader has already
 * isolated: a shell word, an XML text node, a YAML scalar, a string literal. Never applied to a
 * whole file.
 */
final class LaunchOption {

    static final String PROPERTY = "jdk.lang.Process.launchMechanism";
    private static final String OPTION = "-D" + PROPERTY + "=";

    /** Commands whose arguments are JVM options even when other words come first. */
    private static final Set<String> JVM_COMMANDS = Set.of("java", "javaw", "jshell", "jlink", "jpackage", "javac",
            "mvn", "mvnw", "gradle", "gradlew", "native-image", "sbt", "jbang", "kotlin", "scala");

    /**
     * One option found.
     *
     * @param option the option text from "-D" (or "-J-D") to the end of the value
     * @param value  the value
     * @param start  offset of the option in the token
     */
    record Hit(String option, String value, int start) {
    }

    private LaunchOption() {
    }

    /** Every option in the token, each starting a word (after a blank, a quote, '=', or at the start). */
    static List<Hit> in(String token) {
        List<Hit> hits = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = token.indexOf(OPTION, from);
            if (at < 0) {
                return hits;
            }
            int start = at >= 2 && token.startsWith("-J", at - 2) ? at - 2 : at;
            if (start == 0 || startsWord(token.charAt(start - 1))) {
                int valueStart = at + OPTION.length();
                int end = valueStart;
                while (end < token.length() && !endsValue(token.charAt(end))) {
                    end++;
                }
                hits.add(new Hit(token.substring(start, end), token.substring(valueStart, end), start));
            }
            from = at + OPTION.length();
        }
    }

    /**
     * Whether a string is a list of JVM arguments rather than prose that mentions one: every word
     * is an option, or the first word is a JVM or build command. {@code "-Xmx1g -D...=VFORK"}
     * and {@code "java -D...=VFORK -jar app.jar"} are; {@code "try -D...=VFORK if it fails"} is not.
     */
    static boolean isArgumentList(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length == 0) {
            return false;
        }
        String first = words[0].substring(words[0].lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (JVM_COMMANDS.contains(first.replaceFirst("\\.(exe|cmd|bat|sh)$", ""))) {
            return true;
        }
        for (String w : words) {
            if (!w.startsWith("-")) {
                return false;
            }
        }
        return true;
    }

    /** Whether a token names the property itself (a key in a key/value form). */
    static boolean isProperty(String token) {
        return PROPERTY.equals(token);
    }

    private static boolean startsWord(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '=' || c == '[' || c == ',' || c == '(';
    }

    private static boolean endsValue(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == ',' || c == ';' || c == ')' || c == ']'
                || c == '`' || c == '<' || c == '&' || c == '|';
    }
}
