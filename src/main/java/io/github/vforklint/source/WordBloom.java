package io.github.vforklint.source;

/**
 * A Bloom filter over the identifiers of one file: a few bytes per distinct word answer "may this
 * file mention X" for any X later, without keeping or re-reading the file. False positives (under
 * 2.5 % at 8 bits a word) are confirmed against the bytes; there are no false negatives.
 */
final class WordBloom {

    private static final int BITS_PER_WORD = 8;
    private static final int PROBES = 4;
    static final WordBloom EMPTY = new WordBloom(new long[1]);

    private final long[] bits;

    private WordBloom(long[] bits) {
        this.bits = bits;
    }

    static WordBloom of(long[] hashes, int count) {
        if (count == 0) {
            return EMPTY;
        }
        long[] bits = new long[(int) Math.max(1, ((long) count * BITS_PER_WORD + 63) >>> 6)];
        long size = (long) bits.length * 64;
        for (int i = 0; i < count; i++) {
            long h = hashes[i];
            long step = (h << 32) | 1;
            for (int p = 0; p < PROBES; p++) {
                long bit = position(h + p * step, size);
                bits[(int) (bit >>> 6)] |= 1L << bit;
            }
        }
        return new WordBloom(bits);
    }

    boolean mayContain(long hash) {
        long size = (long) bits.length * 64;
        long step = (hash << 32) | 1;
        for (int p = 0; p < PROBES; p++) {
            long bit = position(hash + p * step, size);
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The top 32 bits of {@code x} scaled to [0, size): a filter need not be a power of two in size. */
    private static long position(long x, long size) {
        return ((x >>> 32) * size) >>> 32;
    }

    /** FNV-1a over the word's bytes, then mixed, so the two halves probe independently. */
    static long hash(byte[] text, int start, int end) {
        long h = SEED;
        for (int i = start; i < end; i++) {
            h = (h ^ (text[i] & 0xff)) * PRIME;
        }
        return mix(h);
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

    static long hash(String word) {
        byte[] bytes = word.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return hash(bytes, 0, bytes.length);
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
