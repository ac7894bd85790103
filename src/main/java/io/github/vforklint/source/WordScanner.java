package io.github.vforklint.source;

import java.util.Arrays;

/**
 * One pass over a file's bytes that puts its words (runs of {@code [A-Za-z0-9_]} that do not
 * start with a digit) into a filter and collects the hashes of the names it appears to define as
 * functions. One instance per thread: its buffers are reused from file to file.
 */
final class WordScanner {

    static final Words EMPTY = new Words(WordBloom.EMPTY, new long[0]);

    private static final boolean[] WORD_BYTE = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            WORD_BYTE[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
    }

    /** Definitions whose parameter list runs longer than this are not looked for. */
    private static final int MAX_HEADER_LENGTH = 4000;

    private final WordBloom.Builder bloom = new WordBloom.Builder();
    private long[] defined = new long[64];
    private int definedCount;

    /** The words and defined names of {@code text[0..length)}. */
    Words scan(byte[] text, int length) {
        bloom.start(length);
        definedCount = 0;
        boolean[] wordByte = WORD_BYTE;
        int i = 0;
        boolean lineStart = true;
        while (i < length) {
            int b = text[i] & 0xff;
            if (!wordByte[b]) {
                lineStart = b == '\n';
                i++;
                continue;
            }
            int start = i;
            if (b <= '9') {
                // Numbers are never names: skipping them keeps tables of constants out of the filter.
                while (++i < length && wordByte[text[i] & 0xff]) {
                    // the rest of the number
                }
                lineStart = false;
                continue;
            }
            long h = WordBloom.SEED;
            do {
                h = (h ^ (text[i] & 0xff)) * WordBloom.PRIME;
            } while (++i < length && wordByte[text[i] & 0xff]);
            if (i - start >= WordBloom.SHORTEST_INDEXED) {
                bloom.add(WordBloom.mix(h));
            }
            if (lineStart) {
                long defined = definedName(text, length, start);
                if (defined != 0) {
                    addDefined(defined);
                }
            }
            lineStart = false;
        }
        return new Words(bloom.build(), Arrays.copyOf(defined, definedCount));
    }

    /**
     * What the index keeps of one file: a filter of its words, and the hashes of the functions it
     * appears to define (gathered into one map for the whole tree).
     */
    record Words(WordBloom words, long[] definitions) {
    }

    private void addDefined(long h) {
        if (definedCount == defined.length) {
            defined = Arrays.copyOf(defined, definedCount * 2);
        }
        defined[definedCount++] = h;
    }

    /**
     * The hash of the function whose definition the line starting at {@code start} begins, or 0:
     * the line goes on to a name before a parenthesis (past {@code __attribute__((...))} groups
     * and comments) whose list closes before a '{' rather than a ';'. A few false positives only
     * cost a parse later.
     */
    static long definedName(byte[] text, int length, int start) {
        int lineEnd = start;
        while (lineEnd < length && text[lineEnd] != '\n') {
            lineEnd++;
        }
        int nameStart = -1;
        int nameEnd = -1;
        for (int i = start; i < lineEnd; i++) {
            byte c = text[i];
            if (c == '/' && i + 1 < lineEnd && text[i + 1] == '*') {
                int close = indexOf(text, i + 2, lineEnd, (byte) '*', (byte) '/');
                if (close < 0) {
                    return 0;
                }
                i = close + 1;
                continue;
            }
            if (c == ';' || c == '=' || c == '{' || c == '#' || c == '/' && i + 1 < lineEnd && text[i + 1] == '/') {
                return 0;
            }
            if (isWordByte(c)) {
                nameStart = i;
                while (i + 1 < lineEnd && isWordByte(text[i + 1])) {
                    i++;
                }
                nameEnd = i + 1;
                continue;
            }
            if (c != '(') {
                if (c != ' ' && c != '\t' && c != '*' && c != '\r') {
                    nameStart = -1;
                }
                continue;
            }
            if (nameStart < 0) {
                return 0;
            }
            if (isAttribute(text, nameStart, nameEnd)) {
                int close = closing(text, i, lineEnd);
                if (close < 0) {
                    return 0;
                }
                i = close;
                nameStart = -1;
                continue;
            }
            return !isKeyword(text, nameStart, nameEnd) && opensBody(text, length, i)
                    ? WordBloom.hash(text, nameStart, nameEnd) : 0;
        }
        return 0;
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

    static boolean isWordByte(byte b) {
        return WORD_BYTE[b & 0xff];
    }

}
