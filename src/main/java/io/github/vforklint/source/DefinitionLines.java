package io.github.vforklint.source;

import java.util.Arrays;

/**
 * Recognises, from a line's first bytes, the lines that begin a function definition: the
 * byte-level half of the definition index ({@link DefinitionMap}), which answers "which files may
 * define bb_perror_msg?" without parsing. Names are kept as 64-bit hashes, a few bytes each.
 */
final class DefinitionLines {

    /** Definitions whose parameter list runs longer than this are not looked for. */
    private static final int MAX_HEADER_LENGTH = 4000;

    private static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private DefinitionLines() {
    }

    /** The hash of a name, as {@link #definedName} gives it. */
    static long hash(String name) {
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return hash(bytes, 0, bytes.length);
    }

    private static long hash(byte[] text, int start, int end) {
        long h = SEED;
        for (int i = start; i < end; i++) {
            h = (h ^ (text[i] & 0xff)) * PRIME;
        }
        return h;
    }

    /**
     * The hash of the function whose definition the line starting at {@code start} begins, or 0:
     * the line goes on to a name before a parenthesis (past {@code __attribute__((...))} groups
     * and comments) whose list closes before a '{' rather than a ';'. A few false positives only
     * cost a parse later.
     */
    static long definedName(byte[] text, int length, int start) {
        // The line's end is looked for only when a comment or an attribute needs it: most lines
        // are decided by their first few bytes.
        int nameStart = -1;
        int nameEnd = -1;
        for (int i = start; i < length; i++) {
            byte c = text[i];
            if (c == '\n') {
                return 0;
            }
            if (isWordByte(c)) {
                nameStart = i;
                while (i + 1 < length && isWordByte(text[i + 1])) {
                    i++;
                }
                nameEnd = i + 1;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '*' || c == '\r') {
                continue;
            }
            if (c == '/' && i + 1 < length && text[i + 1] == '*') {
                int close = indexOf(text, i + 2, lineEnd(text, length, i), (byte) '*', (byte) '/');
                if (close < 0) {
                    return 0;
                }
                i = close + 1;
                continue;
            }
            if (c == '(' && nameStart < 0) {
                // (NAME) (params) {: Emacs' lisp.h brackets the name so that its macro is not expanded
                int word = skipBlanks(text, length, i + 1);
                int wordEnd = word;
                while (wordEnd < length && isWordByte(text[wordEnd])) {
                    wordEnd++;
                }
                int close = skipBlanks(text, length, wordEnd);
                int open = close < length && text[close] == ')' ? skipBlanks(text, length, close + 1) : -1;
                if (wordEnd > word && open >= 0 && open < length && text[open] == '(') {
                    return !isKeyword(text, word, wordEnd) && opensBody(text, length, open)
                            ? hash(text, word, wordEnd) : 0;
                }
            }
            if (c != '(' || nameStart < 0) {
                // ; = { # // end the question; any other byte ends the name before it.
                if (c == ';' || c == '=' || c == '{' || c == '#' || c == '(' || c == '/' && i + 1 < length && text[i + 1] == '/') {
                    return 0;
                }
                nameStart = -1;
                continue;
            }
            if (isAttribute(text, nameStart, nameEnd)) {
                int close = closing(text, i, lineEnd(text, length, i));
                if (close < 0) {
                    return 0;
                }
                i = close;
                nameStart = -1;
                continue;
            }
            return !isKeyword(text, nameStart, nameEnd) && opensBody(text, length, i)
                    ? hash(text, nameStart, nameEnd) : 0;
        }
        return 0;
    }

    private static int skipBlanks(byte[] text, int length, int from) {
        int i = from;
        while (i < length && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int lineEnd(byte[] text, int length, int from) {
        int end = from;
        while (end < length && text[end] != '\n') {
            end++;
        }
        return end;
    }

    private static final byte[][] ATTRIBUTES = {bytes("__attribute__"), bytes("__attribute"), bytes("__declspec"),
            bytes("_Alignas")};
    private static final byte[][] KEYWORDS = {bytes("if"), bytes("while"), bytes("for"), bytes("switch"),
            bytes("return"), bytes("sizeof"), bytes("do"), bytes("else"), bytes("case"), bytes("typedef"),
            bytes("struct"), bytes("union"), bytes("enum")};

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static boolean isAttribute(byte[] text, int start, int end) {
        return matchesAny(ATTRIBUTES, text, start, end);
    }

    private static boolean isKeyword(byte[] text, int start, int end) {
        return matchesAny(KEYWORDS, text, start, end);
    }

    private static boolean matchesAny(byte[][] words, byte[] text, int start, int end) {
        for (byte[] w : words) {
            if (w.length == end - start && Arrays.equals(w, 0, w.length, text, start, end)) {
                return true;
            }
        }
        return false;
    }

    private static int closing(byte[] text, int open, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            if (text[i] == '(') {
                depth++;
            } else if (text[i] == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] text, int from, int end, byte a, byte b) {
        for (int i = from; i + 1 < end; i++) {
            if (text[i] == a && text[i + 1] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the parenthesised list at {@code open} is followed by a body rather than a ';'. */
    private static boolean opensBody(byte[] text, int length, int open) {
        int depth = 0;
        int limit = Math.min(length, open + MAX_HEADER_LENGTH);
        int i = open;
        for (; i < limit; i++) {
            if (text[i] == '(') {
                depth++;
            } else if (text[i] == ')' && --depth == 0) {
                break;
            }
        }
        for (i++; i < limit; i++) {
            byte c = text[i];
            if (c == '{') {
                return true;
            }
            if (c == ';' || c == '}' || c == '=') {
                return false;
            }
        }
        return false;
    }

    private static boolean isWordByte(byte b) {
        return WordSearch.isWordByte(b);
    }
}
