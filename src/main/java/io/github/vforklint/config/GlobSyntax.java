package io.github.vforklint.config;

/**
 * Translates a glob into a regular expression for RE2/J, with the meaning the JDK gives globs on
 * Unix: {@code *} and {@code ?} stay within one name, {@code **} crosses '/', {@code [..]} is a
 * class of one character other than '/' ({@code [!..]} negated), {@code {a,b}} is one of the
 * alternatives (not nested), and a backslash escapes the next character.
 */
final class GlobSyntax {

    private static final String REGEX_META = ".^$+{[]|()\\*?";

    private GlobSyntax() {
    }

    /** @throws IllegalArgumentException for a glob the JDK would refuse too */
    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inGroup = false;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            switch (c) {
                case '\\' -> {
                    if (i == glob.length()) {
                        throw new IllegalArgumentException("no character to escape at the end");
                    }
                    literal(regex, glob.charAt(i++));
                }
                case '[' -> i = characterClass(glob, i, regex);
                case '{' -> {
                    if (inGroup) {
                        throw new IllegalArgumentException("cannot nest groups ({...{...}...})");
                    }
                    regex.append("(?:(?:");
                    inGroup = true;
                }
                case '}' -> {
                    if (inGroup) {
                        regex.append("))");
                        inGroup = false;
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(inGroup ? ")|(?:" : ",");
                case '*' -> {
                    if (i < glob.length() && glob.charAt(i) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                default -> literal(regex, c);
            }
        }
        if (inGroup) {
            throw new IllegalArgumentException("missing '}'");
        }
        return regex.toString();
    }

    /** Appends the class that starts after '[' at {@code i}; returns the index after its ']'. */
    private static int characterClass(String glob, int i, StringBuilder regex) {
        regex.append('[');
        boolean negated = i < glob.length() && glob.charAt(i) == '!';
        if (negated) {
            regex.append("^/");
            i++;
        }
        boolean first = true;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == ']') {
                if (first) {
                    throw new IllegalArgumentException("empty character class");
                }
                regex.append(']');
                return i;
            }
            if (c == '/') {
                throw new IllegalArgumentException("'/' cannot be in a character class");
            }
            if (c == '\\' || c == '[' || (c == '^' && first && !negated)) {
                regex.append('\\');
            }
            regex.append(c);
            first = false;
        }
        throw new IllegalArgumentException("missing ']'");
    }

    private static void literal(StringBuilder regex, char c) {
        if (REGEX_META.indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
