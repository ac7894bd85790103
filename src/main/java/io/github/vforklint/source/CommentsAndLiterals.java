package io.github.vforklint.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the comments and the string and character literals of C text are. Text-level passes
 * (suppression comments, finding fingerprints) need this so that {@code "// not a comment"} in a
 * string is not taken for a comment, nor a brace in a comment for code. Backslash-newline
 * continues a {@code //} comment, as the preprocessor splices lines before removing comments.
 */
public final class CommentsAndLiterals {

    /** What a span is. */
    public enum Kind { LINE_COMMENT, BLOCK_COMMENT, STRING, CHARACTER }

    /**
     * One comment or literal: {@code start} is the offset of its first delimiter, {@code end} the
     * offset just after the last one (or where an unterminated one stops).
     */
    public record Span(Kind kind, int start, int end) {
        public boolean isComment() {
            return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
        }

        /** A comment's text without its delimiters. */
        public String commentText(char[] text) {
            int from = start + 2;
            int to = kind == Kind.BLOCK_COMMENT && end - 2 >= from && text[end - 1] == '/' && text[end - 2] == '*'
                    ? end - 2 : end;
            return new String(text, from, Math.max(0, to - from));
        }
    }

    private CommentsAndLiterals() {
    }

    public static List<Span> scan(char[] text) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        int n = text.length;
        while (i < n) {
            char c = text[i];
            char next = i + 1 < n ? text[i + 1] : '\0';
            if (c == '/' && next == '/') {
                int end = lineCommentEnd(text, i + 2);
                spans.add(new Span(Kind.LINE_COMMENT, i, end));
                i = end;
            } else if (c == '/' && next == '*') {
                int close = indexOf(text, i + 2, "*/");
                int end = close < 0 ? n : close + 2;
                spans.add(new Span(Kind.BLOCK_COMMENT, i, end));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = literalEnd(text, i + 1, c);
                spans.add(new Span(c == '"' ? Kind.STRING : Kind.CHARACTER, i, end));
                i = end;
            } else {
                i++;
            }
        }
        return spans;
    }

    /** The text with every comment replaced by spaces (line breaks kept, so offsets and lines stay put). */
    public static char[] withoutComments(char[] text, List<Span> spans) {
        char[] copy = text.clone();
        for (Span s : spans) {
            if (s.isComment()) {
                for (int i = s.start(); i < s.end(); i++) {
                    if (copy[i] != '\n' && copy[i] != '\r') {
                        copy[i] = ' ';
                    }
                }
            }
        }
        return copy;
    }

    private static int lineCommentEnd(char[] text, int from) {
        int i = from;
        while (i < text.length) {
            if (text[i] == '\n') {
                boolean spliced = i > from && text[i - 1] == '\\'
                        || i > from + 1 && text[i - 1] == '\r' && text[i - 2] == '\\';
                if (!spliced) {
                    return i;
                }
            }
            i++;
        }
        return i;
    }

    /** An unterminated literal stops at the end of its line, as the compiler would complain there. */
    private static int literalEnd(char[] text, int from, char quote) {
        int i = from;
        while (i < text.length) {
            char c = text[i];
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return Math.min(i, text.length);
    }

    private static int indexOf(char[] text, int from, String what) {
        outer:
        for (int i = from; i <= text.length - what.length(); i++) {
            for (int j = 0; j < what.length(); j++) {
                if (text[i + j] != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
