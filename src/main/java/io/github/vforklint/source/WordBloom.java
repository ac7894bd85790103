package io.github.vforklint.source;

import java.util.Arrays;

/**
 * A Bloom filter over the words of one file: a few bytes per distinct word answer "may this file
 * mention X" for any X later, without keeping or re-reading the file. False positives (about 1 %)
 * are confirmed against the bytes; there are no false negatives.
 *
 * <p>Words go straight in as the file is read, into a filter sized from the file's length; once
 * the file is done the filter is folded in half (OR of its halves, which keeps every word) while
 * it stays sparse, so it ends at about ten bits a distinct word without ever counting them.
 */
final class WordBloom {

    private static final int PROBES = 4;
    /** Fold while the folded filter would be at most this full (false positives about fill^4). */
    private static final double FOLD_WHILE_FILL_AT_MOST = 0.32;
    static final WordBloom EMPTY = new WordBloom(new long[1]);

    private final long[] bits;

    private WordBloom(long[] bits) {
        this.bits = bits;
    }

    /** A filter being filled; reused from file to file by one thread. */
    static final class Builder {
        private long[] bits = new long[64];
        private int words;

        /** Starts a file of {@code length} bytes. */
        void start(int length) {
            // About one word every nine bytes in C; two bits a byte leaves room to fold.
            int wanted = Math.max(1, Integer.highestOneBit(Math.max(64, length * 2) - 1) << 1 >>> 6);
            if (bits.length < wanted || bits.length > 4 * wanted) {
                bits = new long[wanted];
            } else {
                Arrays.fill(bits, 0, wanted, 0);
            }
            words = wanted;
        }

        void add(long hash) {
            long mask = (long) words * 64 - 1;
            long step = (hash >>> 32) | 1;
            for (int p = 0; p < PROBES; p++) {
                long bit = (hash + p * step) & mask;
                bits[(int) (bit >>> 6)] |= 1L << bit;
            }
        }

        WordBloom build() {
            int size = words;
            long set = 0;
            for (int i = 0; i < size; i++) {
                set += Long.bitCount(bits[i]);
            }
            if (set == 0) {
                return EMPTY;
            }
            while (size > 1) {
                double fill = (double) set / ((long) size * 64);
                if (2 * fill - fill * fill > FOLD_WHILE_FILL_AT_MOST) {
                    break;
                }
                int half = size / 2;
                set = 0;
                for (int i = 0; i < half; i++) {
                    bits[i] |= bits[i + half];
                    set += Long.bitCount(bits[i]);
                }
                size = half;
            }
            return new WordBloom(Arrays.copyOf(bits, size));
        }
    }

    boolean mayContain(long hash) {
        long mask = (long) bits.length * 64 - 1;
        long step = (hash >>> 32) | 1;
        for (int p = 0; p < PROBES; p++) {
            long bit = (hash + p * step) & mask;
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the word's bytes, then mixed, so the two halves probe independently. */
    static long hash(byte[] text, int start, int end) {
        long h = SEED;
        for (int i = start; i < end; i++) {
            h = (h ^ (text[i] & 0xff)) * PRIME;
        }
        return mix(h);
    }

    static long hash(String word) {
        byte[] bytes = word.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return hash(bytes, 0, bytes.length);
    }

    static final long SEED = 0xcbf29ce484222325L;
    static final long PRIME = 0x100000001b3L;
    /**
     * Words shorter than this are not put in the filter (keywords and loop counters would only
     * fill it); asking for one always answers "maybe", so nothing is missed.
     */
    static final int SHORTEST_INDEXED = 3;

    /** Whether {@code word} is long enough to be in a filter at all. */
    static boolean indexed(String word) {
        return word.length() >= SHORTEST_INDEXED && !Character.isDigit(word.charAt(0));
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
