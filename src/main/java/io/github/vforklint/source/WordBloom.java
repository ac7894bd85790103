package io.github.vforklint.source;

/**
 * A Bloom filter over the identifiers of one file: a few bytes per distinct word answer "may this
 * file mention X" for any X later, without keeping or re-reading the file. False positives (under
 * 1 % at 10 bits a word) are confirmed against the bytes; there are no false negatives.
 */
final class WordBloom {

    private static final int BITS_PER_WORD = 10;
    private static final int PROBES = 5;
    static final WordBloom EMPTY = new WordBloom(new long[1]);

    private final long[] bits;

    private WordBloom(long[] bits) {
        this.bits = bits;
    }

    static WordBloom of(long[] hashes, int count) {
        if (count == 0) {
            return EMPTY;
        }
        long wanted = Math.max(64L, (long) count * BITS_PER_WORD);
        int words = (int) (Long.highestOneBit(wanted - 1) << 1 >>> 6);
        long[] bits = new long[Math.max(1, words)];
        long mask = (long) bits.length * 64 - 1;
        for (int i = 0; i < count; i++) {
            long h = hashes[i];
            long step = (h >>> 32) | 1;
            for (int p = 0; p < PROBES; p++) {
                long bit = (h + p * step) & mask;
                bits[(int) (bit >>> 6)] |= 1L << bit;
            }
        }
        return new WordBloom(bits);
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
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            h ^= text[i] & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long hash(String word) {
        byte[] bytes = word.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return hash(bytes, 0, bytes.length);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
