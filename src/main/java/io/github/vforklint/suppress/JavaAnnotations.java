package io.github.vforklint.suppress;

import io.github.vforklint.source.CommentsAndLiterals;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code @SuppressWarnings("vforklint:VFK303")} in Java text, and the extent of the declaration it
 * annotates: to the matching closing brace of a class or method body, or to the {@code ;} of a
 * field or local variable (past any initializer's braces), or to the {@code ,} or {@code )} that
 * ends a parameter. Read at the token level, skipping comments and literals, because the
 * suppression step runs after the scan on any file and must not depend on the Java front end's
 * parser; a declaration this cannot delimit gets a scope of its own line.
 */
final class JavaAnnotations {

    /**
     * One annotation naming vforklint.
     *
     * @param start      offset of the '@'
     * @param end        offset after its closing parenthesis
     * @param values     its string values that start with "vforklint:", without the prefix
     * @param elementEnd offset of the last character of the annotated declaration
     */
    record Found(int start, int end, List<String> values, int elementEnd) {
    }

    private static final String PREFIX = "vforklint:";

    private JavaAnnotations() {
    }

    static List<Found> find(char[] text) {
        List<CommentsAndLiterals.Span> spans = CommentsAndLiterals.scan(text);
        boolean[] skipped = new boolean[text.length + 1];
        for (CommentsAndLiterals.Span s : spans) {
            for (int i = s.start(); i < Math.min(s.end(), text.length); i++) {
                skipped[i] = true;
            }
        }
        String s = new String(text);
        List<Found> found = new ArrayList<>();
        for (String name : List.of("@SuppressWarnings", "@java.lang.SuppressWarnings")) {
            int from = 0;
            while (true) {
                int at = s.indexOf(name, from);
                if (at < 0) {
                    break;
                }
                from = at + name.length();
                if (skipped[at] || from < s.length() && Character.isJavaIdentifierPart(s.charAt(from))) {
                    continue;
                }
                int open = nextCode(s, skipped, from);
                if (open < 0 || s.charAt(open) != '(') {
                    continue;
                }
                int close = matching(s, skipped, open, '(', ')');
                if (close < 0) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (CommentsAndLiterals.Span span : spans) {
                    if (span.kind() == CommentsAndLiterals.Kind.STRING && span.start() > open && span.end() <= close + 1) {
                        String value = s.substring(span.start() + 1, Math.max(span.start() + 1, span.end() - 1));
                        if (value.startsWith(PREFIX)) {
                            values.add(value.substring(PREFIX.length()));
                        }
                    }
                }
                if (!values.isEmpty()) {
                    found.add(new Found(at, close + 1, values, elementEnd(s, skipped, close + 1)));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static int elementEnd(String s, boolean[] skipped, int from) {
        int parens = 0;
        boolean initializer = false;
        for (int i = from; i < s.length(); i++) {
            if (skipped[i]) {
                continue;
            }
            char c = s.charAt(i);
            if (c == '@') {
                int paren = nextCode(s, skipped, identifierEnd(s, i + 1));
                if (paren >= 0 && s.charAt(paren) == '(') {
                    int close = matching(s, skipped, paren, '(', ')');
                    if (close < 0) {
                        return from;
                    }
                    i = close;
                }
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                if (parens == 0) {
                    return i - 1;
                }
                parens--;
            } else if (parens == 0 && (c == ';' || c == ',')) {
                return i;
            } else if (parens == 0 && c == '=') {
                initializer = true;
            } else if (c == '{') {
                int close = matching(s, skipped, i, '{', '}');
                if (close < 0) {
                    return s.length() - 1;
                }
                if (parens == 0 && !initializer) {
                    return close;
                }
                i = close;
            }
        }
        return s.length() - 1;
    }

    private static int identifierEnd(String s, int from) {
        int i = from;
        while (i < s.length() && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static int nextCode(String s, boolean[] skipped, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!skipped[i] && !Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int matching(String s, boolean[] skipped, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (skipped[i]) {
                continue;
            }
            char c = s.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
