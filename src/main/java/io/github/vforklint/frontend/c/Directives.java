package io.github.vforklint.frontend.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The preprocessor directives of a text, read without a preprocessor: where each one is, what it
 * is, and for {@code #define} the shape of its replacement. Linear, by hand (a regular expression
 * over a define with thousands of continuation lines overflows the stack); block comments that
 * hide a {@code #} are skipped.
 */
final class Directives {

    /** The directives vforklint looks at; every other one is {@link #OTHER}. */
    enum Kind { IF, IFDEF, IFNDEF, ELIF, ELSE, ENDIF, DEFINE, UNDEF, INCLUDE, OTHER }

    /**
     * One directive.
     *
     * @param start     offset of the line holding the {@code #}
     * @param end       offset of the newline that ends its logical line (or the end of the text)
     * @param line      1-based line of {@code start}
     * @param name      the macro of {@code #define}, {@code #undef}, {@code #ifdef}, {@code #ifndef}; else ""
     * @param argument  the text after the keyword (and after the name for define): a condition,
     *                  a replacement, an include; comments still in it
     * @param argumentStart offset of {@code argument}
     * @param functionLike a {@code #define NAME(} with parameters
     */
    record Directive(Kind kind, int start, int end, int line, String name, String argument, int argumentStart,
                     boolean functionLike) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Directive other
                    && start == other.start
                    && end == other.end
                    && line == other.line
                    && argumentStart == other.argumentStart
                    && functionLike == other.functionLike
                    && Objects.equals(kind, other.kind)
                    && Objects.equals(name, other.name)
                    && Objects.equals(argument, other.argument);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(kind);
            h = 31 * h + start;
            h = 31 * h + end;
            h = 31 * h + line;
            h = 31 * h + Objects.hashCode(name);
            h = 31 * h + Objects.hashCode(argument);
            h = 31 * h + argumentStart;
            h = 31 * h + Boolean.hashCode(functionLike);
            return h;
        }
    }

    private Directives() {
    }

    static List<Directive> in(char[] text) {
        List<Directive> result = new ArrayList<>();
        int n = text.length;
        int i = 0;
        int line = 1;
        boolean inComment = false;
        while (i < n) {
            int lineStart = i;
            int end = logicalLineEnd(text, i, n);
            if (!inComment) {
                int p = skipBlanks(text, i, end);
                if (p < end && text[p] == '#') {
                    result.add(directive(text, lineStart, p + 1, end, line));
                }
            }
            inComment = commentOpenAfter(text, lineStart, end, inComment);
            for (int k = lineStart; k < end; k++) {
                if (text[k] == '\n') {
                    line++;
                }
            }
            if (end < n) {
                line++;
            }
            i = end + 1;
        }
        return result;
    }

    private static Directive directive(char[] text, int lineStart, int afterHash, int end, int line) {
        int p = skipBlanks(text, afterHash, end);
        int keywordEnd = wordEnd(text, p, end);
        String keyword = new String(text, p, keywordEnd - p);
        Kind kind = switch (keyword) {
            case "if" -> Kind.IF;
            case "ifdef" -> Kind.IFDEF;
            case "ifndef" -> Kind.IFNDEF;
            case "elif" -> Kind.ELIF;
            case "else" -> Kind.ELSE;
            case "endif" -> Kind.ENDIF;
            case "define" -> Kind.DEFINE;
            case "undef" -> Kind.UNDEF;
            case "include", "include_next", "import" -> Kind.INCLUDE;
            default -> Kind.OTHER;
        };
        int q = skipBlanks(text, keywordEnd, end);
        String name = "";
        boolean functionLike = false;
        if (kind == Kind.DEFINE || kind == Kind.UNDEF || kind == Kind.IFDEF || kind == Kind.IFNDEF) {
            int nameEnd = wordEnd(text, q, end);
            name = new String(text, q, nameEnd - q);
            q = nameEnd;
            if (kind == Kind.DEFINE && q < end && text[q] == '(') {
                functionLike = true;
                while (q < end && text[q] != ')') {
                    q++;
                }
                q = Math.min(end, q + 1);
            }
        }
        return new Directive(kind, lineStart, end, line, name, new String(text, q, end - q), q, functionLike);
    }

    /** Whether a block comment is still open at the end of this logical line. */
    private static boolean commentOpenAfter(char[] text, int from, int to, boolean open) {
        boolean inComment = open;
        char quote = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (inComment) {
                if (c == '*' && i + 1 < to && text[i + 1] == '/') {
                    inComment = false;
                    i++;
                }
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < to && text[i + 1] == '*') {
                inComment = true;
                i++;
            } else if (c == '/' && i + 1 < to && text[i + 1] == '/') {
                return false;
            }
        }
        return inComment;
    }

    /** The offset of the newline that ends the logical line starting at {@code from} (or the end of text). */
    static int logicalLineEnd(char[] text, int from, int n) {
        int i = from;
        while (i < n) {
            if (text[i] == '\n') {
                int before = i - 1;
                if (before >= from && text[before] == '\r') {
                    before--;
                }
                if (before >= from && text[before] == '\\') {
                    i++;
                    continue;
                }
                return i;
            }
            i++;
        }
        return n;
    }

    private static int skipBlanks(char[] text, int from, int end) {
        int i = from;
        while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f' || text[i] == '\u000b')) {
            i++;
        }
        return i;
    }

    /** Where the run of word characters at {@code from} ends, at most at {@code end}. */
    static int wordEnd(char[] text, int from, int end) {
        int i = from;
        while (i < end && isWordChar(text[i])) {
            i++;
        }
        return i;
    }

    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Whether the text is one C identifier: word characters, not starting with a digit. */
    static boolean isIdentifier(String text) {
        if (text.isEmpty() || text.charAt(0) >= '0' && text.charAt(0) <= '9') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isWordChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A copy of {@code text} with the characters of {@code [from, to)} turned into spaces, newlines kept. */
    static void blank(char[] text, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, text.length); i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
    }
}
