package io.github.vforklint.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds whole words in a file's raw bytes at close to the speed of reading them. Each word is
 * anchored on its rarest letter (by how often letters occur in C source) and the byte before it;
 * the scan tests eight bytes at a time for any such pair or a newline, and only where one occurs
 * compares the words anchored there. The newlines let a pass find the lines that start a function
 * definition too, when it is asked for them. Immutable; safe to share between threads.
 */
final class WordSearch {

    /** A word to find: exactly as spelled, or in any mix of upper and lower case. */
    record Word(String text, boolean anyCase) {
        Word {
            if (!isWord(text)) {
                throw new IllegalArgumentException("not a word: \"" + text + "\"");
            }
        }

        static Word exact(String text) {
            return new Word(text, false);
        }

        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Word other && anyCase == other.anyCase && Objects.equals(text, other.text);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(text) + Boolean.hashCode(anyCase);
        }
    }

    /** Letters from the rarest in C source to the most common (measured on busybox, dash, CPython and the kernel). */
    private static final String LETTERS_RAREST_FIRST = "qzjxwkvbhgymfupdlcoasirnte";

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CASE_BITS = 0x2020202020202020L;
    private static final long NEWLINES = '\n' * ONES;
    private static final long NAME_BIT = 0x40 * ONES;
    private static final long LAST_BYTE = 0x80L << 56;

    private static final boolean[] WORD_BYTE = new boolean[256];
    private static final boolean[] NAME_START = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            WORD_BYTE[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
            NAME_START[c] = WORD_BYTE[c] && (c < '0' || c > '9');
        }
    }

    private final List<Word> words;
    /** The words of {@link #words} this search looks for (a bit set over their indexes). */
    private final long[] searched;
    /** The words' bytes as spelled, and (for words in any case) in lower and upper case. */
    private final byte[][] spelled;
    private final byte[][] lower;
    private final byte[][] upper;
    /**
     * The pairs of bytes the scan looks for, each repeated in every byte of a long and with the
     * case bit set: a word's rarest letter (its anchor) and the byte before it. Up to four are
     * also in fields, 0 (which no byte with the case bit set equals) for those not used. A
     * search with more pairs, or for a one-letter word, looks for the anchors alone.
     */
    private final long[] anchors;
    private final long prev0;
    private final long prev1;
    private final long prev2;
    private final long prev3;
    private final long anchor0;
    private final long anchor1;
    private final long anchor2;
    private final long anchor3;
    private final boolean pairs;
    /** For each byte value, the words anchored on it: {word index, anchor offset} pairs. */
    private final int[][] anchoredAt = new int[256][];

    /** A search for all of {@code words}. */
    WordSearch(List<Word> words) {
        this(words, w -> true);
    }

    /**
     * A search for the words of {@code words} that {@code searchFor} accepts; what it finds is
     * reported by their indexes in the whole list, so that searches for different parts of one
     * list report in the same terms.
     */
    WordSearch(List<Word> words, java.util.function.Predicate<Word> searchFor) {
        this.words = List.copyOf(words);
        this.searched = new long[(this.words.size() + 63) >>> 6];
        int n = this.words.size();
        spelled = new byte[n][];
        lower = new byte[n][];
        upper = new byte[n][];
        Map<Integer, List<int[]>> byAnchor = new LinkedHashMap<>();
        Set<Long> pairSet = new LinkedHashSet<>();
        boolean single = false;
        for (int w = 0; w < n; w++) {
            String text = this.words.get(w).text();
            spelled[w] = text.getBytes(StandardCharsets.US_ASCII);
            lower[w] = text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            upper[w] = text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (!searchFor.test(this.words.get(w))) {
                continue;
            }
            searched[w >>> 6] |= 1L << w;
            int offset = anchorOffset(text);
            if (offset == 0 && text.length() > 1) {
                offset = 1;
            }
            int anchor = folded(text.charAt(offset));
            byAnchor.computeIfAbsent(anchor, k -> new ArrayList<>()).add(new int[] {w, offset});
            if (offset == 0) {
                single = true;
            } else {
                pairSet.add((long) folded(text.charAt(offset - 1)) << 8 | anchor);
            }
        }
        anchors = new long[byAnchor.size()];
        int a = 0;
        for (Map.Entry<Integer, List<int[]>> e : byAnchor.entrySet()) {
            anchors[a++] = e.getKey() * ONES;
            int[] flat = e.getValue().stream().flatMapToInt(Arrays::stream).toArray();
            // Every byte the case bit folds onto this one.
            anchoredAt[e.getKey()] = flat;
            anchoredAt[e.getKey() & ~0x20] = flat;
        }
        pairs = !single && pairSet.size() <= 4;
        long[] prev = new long[4];
        long[] anchor = new long[4];
        int i = 0;
        for (long pair : pairs ? pairSet : Set.<Long>of()) {
            prev[i] = (pair >>> 8) * ONES;
            anchor[i++] = (pair & 0xff) * ONES;
        }
        prev0 = prev[0];
        prev1 = prev[1];
        prev2 = prev[2];
        prev3 = prev[3];
        anchor0 = anchor[0];
        anchor1 = anchor[1];
        anchor2 = anchor[2];
        anchor3 = anchor[3];
    }

    private static int folded(char c) {
        return (c | 0x20) & 0xff;
    }

    /** The offset of the word's rarest letter (of its last byte when it has none: "__"). */
    private static int anchorOffset(String word) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < word.length(); i++) {
            int rank = LETTERS_RAREST_FIRST.indexOf(Character.toLowerCase(word.charAt(i)));
            if (rank >= 0 && rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best < 0 ? word.length() - 1 : best;
    }

    int size() {
        return words.size();
    }

    /** Whether this search looks for every word in {@code wanted} (a bit set over the indexes). */
    boolean searchesFor(long[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if ((wanted[i] & ~searched[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Receives the start of every line that begins with a name (a word that is not a number). */
    interface LineStarts {
        void at(int position);
    }

    /**
     * Sets in {@code found} (a bit set over the words' indexes) the words that occur in
     * {@code text[0..length)}, and tells {@code lines} (when not null) where lines begin with a name.
     */
    void scan(byte[] text, int length, long[] found, LineStarts lines) {
        if (lines != null && length > 0 && startsName(text[0])) {
            lines.at(0);
        }
        // With no line starts wanted, look for 0 bytes instead of newlines: rare in text, and at() passes them by.
        long newlines = lines == null ? 0 : NEWLINES;
        int i = pairs ? scanPairs(text, length, found, lines, newlines) : scanAnchors(text, length, found, lines, newlines);
        for (; i < length; i++) {
            at(text, length, i, found, lines);
        }
    }

    /**
     * The scan for up to two pairs of bytes, sixteen bytes a turn; returns where the bytes too few
     * for a block begin. Each block's folded bytes shifted up by one byte (the last of the block
     * before coming in at the bottom) put every byte beside the one before it, so that a pair is
     * one test: both bytes equal where {@code (folded ^ anchor) | (shifted ^ prev)} has a zero byte.
     * The tests are written out for each block rather than shared through a method: the C1
     * compiler a scan runs under inlines only the smallest methods, and a call per block cost more
     * than the tests themselves.
     */
    private int scanPairs(byte[] text, int length, long[] found, LineStarts lines, long newlines) {
        if (anchor2 != 0) {
            return scanFourPairs(text, length, found, lines, newlines);
        }
        long p0 = prev0;
        long p1 = prev1;
        long a0 = anchor0;
        long a1 = anchor1;
        long before = 0;
        int i = 0;
        for (; i + 16 <= length; i += 16) {
            long block = (long) LONGS.get(text, i);
            long folded = block | CASE_BITS;
            long shifted = folded << 8 | before;
            long next = (long) LONGS.get(text, i + 8);
            long nextFolded = next | CASE_BITS;
            long nextShifted = nextFolded << 8 | folded >>> 56;
            before = nextFolded >>> 56;
            long hits = zeroBytes(block ^ newlines) & (nameByteAfter(block) | LAST_BYTE)
                    | zeroBytes(folded ^ a0 | shifted ^ p0) | zeroBytes(folded ^ a1 | shifted ^ p1);
            long nextHits = zeroBytes(next ^ newlines) & (nameByteAfter(next) | LAST_BYTE)
                    | zeroBytes(nextFolded ^ a0 | nextShifted ^ p0) | zeroBytes(nextFolded ^ a1 | nextShifted ^ p1);
            if ((hits | nextHits) != 0) {
                atAll(text, length, i, hits, found, lines);
                atAll(text, length, i + 8, nextHits, found, lines);
            }
        }
        if (i + 8 <= length) {
            long block = (long) LONGS.get(text, i);
            long folded = block | CASE_BITS;
            long shifted = folded << 8 | before;
            long hits = zeroBytes(block ^ newlines) & (nameByteAfter(block) | LAST_BYTE)
                    | zeroBytes(folded ^ a0 | shifted ^ p0) | zeroBytes(folded ^ a1 | shifted ^ p1);
            atAll(text, length, i, hits, found, lines);
            i += 8;
        }
        return i;
    }

    private int scanFourPairs(byte[] text, int length, long[] found, LineStarts lines, long newlines) {
        long p0 = prev0;
        long p1 = prev1;
        long p2 = prev2;
        long p3 = prev3;
        long a0 = anchor0;
        long a1 = anchor1;
        long a2 = anchor2;
        long a3 = anchor3;
        long before = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long block = (long) LONGS.get(text, i);
            long folded = block | CASE_BITS;
            long shifted = folded << 8 | before;
            before = folded >>> 56;
            long hits = zeroBytes(block ^ newlines) & (nameByteAfter(block) | LAST_BYTE)
                    | zeroBytes(folded ^ a0 | shifted ^ p0) | zeroBytes(folded ^ a1 | shifted ^ p1)
                    | zeroBytes(folded ^ a2 | shifted ^ p2) | zeroBytes(folded ^ a3 | shifted ^ p3);
            if (hits != 0) {
                atAll(text, length, i, hits, found, lines);
            }
        }
        return i;
    }

    /** The scan for anchors alone, for many pairs or a one-letter word; returns where the bytes too few for a block begin. */
    private int scanAnchors(byte[] text, int length, long[] found, LineStarts lines, long newlines) {
        long[] all = anchors;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long block = (long) LONGS.get(text, i);
            long hits = zeroBytes(block ^ newlines) & (nameByteAfter(block) | LAST_BYTE);
            long folded = block | CASE_BITS;
            for (long anchor : all) {
                hits |= zeroBytes(folded ^ anchor);
            }
            if (hits != 0) {
                atAll(text, length, i, hits, found, lines);
            }
        }
        return i;
    }

    /**
     * The high bit of each byte whose next byte may start a name: has the 0x40 bit, as letters and
     * '_' do (and '{', '}', '@' and a few others, which the caller rules out). Most lines of C
     * start with blanks, '#', '/' or '*' and are passed by here. The last byte's next byte is in
     * the next block: the caller keeps that byte.
     */
    private static long nameByteAfter(long block) {
        return (block & NAME_BIT) << 1 >>> 8;
    }

    private void atAll(byte[] text, int length, int blockStart, long hits, long[] found, LineStarts lines) {
        while (hits != 0) {
            int position = blockStart + (Long.numberOfTrailingZeros(hits) >>> 3);
            hits &= hits - 1;
            if (text[position] == '\n') {
                if (lines != null && position + 1 < length && NAME_START[text[position + 1] & 0xff]) {
                    lines.at(position + 1);
                }
            } else {
                at(text, length, position, found, lines);
            }
        }
    }

    /** The high bit of every byte of {@code x} that is zero (and perhaps of some above one that is): callers confirm. */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    private void at(byte[] text, int length, int position, long[] found, LineStarts lines) {
        byte b = text[position];
        if (b == '\n') {
            if (lines != null && position + 1 < length && startsName(text[position + 1])) {
                lines.at(position + 1);
            }
            return;
        }
        int[] candidates = anchoredAt[b & 0xff];
        if (candidates == null) {
            return;
        }
        for (int c = 0; c < candidates.length; c += 2) {
            int w = candidates[c];
            if ((found[w >>> 6] & (1L << w)) == 0 && occursAt(w, text, length, position, candidates[c + 1])) {
                found[w >>> 6] |= 1L << w;
            }
        }
    }

    /** Whether word {@code w}, whose anchor letter is at {@code anchor}, occurs there: the bytes next to the anchor first, as they rule most places out. */
    private boolean occursAt(int w, byte[] text, int length, int anchor, int offset) {
        byte[] word = spelled[w];
        int start = anchor - offset;
        int end = start + word.length;
        if (start < 0 || end > length) {
            return false;
        }
        byte[] low = words.get(w).anyCase() ? lower[w] : word;
        byte[] up = words.get(w).anyCase() ? upper[w] : word;
        for (int i = offset - 1; i >= 0; i--) {
            byte c = text[start + i];
            if (c != low[i] && c != up[i]) {
                return false;
            }
        }
        for (int i = offset; i < word.length; i++) {
            byte c = text[start + i];
            if (c != low[i] && c != up[i]) {
                return false;
            }
        }
        return (start == 0 || !isWordByte(text[start - 1])) && (end == length || !isWordByte(text[end]));
    }

    private static boolean startsName(byte b) {
        return NAME_START[b & 0xff];
    }

    /** Whether {@code text} is one run of word bytes ({@code [A-Za-z0-9_]}), as the search splits text. */
    static boolean isWord(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c <= 0x7f && isWordByte((byte) c));
    }

    static boolean isWordByte(byte b) {
        return WORD_BYTE[b & 0xff];
    }

    /** A bit set large enough for this search's words. */
    long[] newFound() {
        return new long[(words.size() + 63) >>> 6];
    }
}
