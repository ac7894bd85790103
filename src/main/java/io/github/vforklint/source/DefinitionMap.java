package io.github.vforklint.source;

import java.util.Arrays;

/**
 * Which files appear to define each function, keyed by the 64-bit hash of its name: an
 * open-addressing table of chains, a few bytes per definition, built once after the tree is
 * indexed. A kernel-size tree has half a million definitions; boxed maps of lists would cost
 * ten times the memory.
 */
final class DefinitionMap {

    private final long[] keys;
    private final int[] heads;
    private final int[] next;
    private final int[] files;

    /** @param perFile for each file id, the hashes of the names it defines (may be empty) */
    DefinitionMap(long[][] perFile) {
        int total = 0;
        for (long[] defs : perFile) {
            total += defs.length;
        }
        // Load factor about 0.7 at worst (every definition a distinct name); most names repeat.
        int capacity = Integer.highestOneBit(Math.max(16, total + total / 2)) << 1;
        keys = new long[capacity];
        heads = new int[capacity];
        Arrays.fill(heads, -1);
        next = new int[total];
        files = new int[total];
        int entry = 0;
        for (int file = 0; file < perFile.length; file++) {
            for (long h : perFile[file]) {
                int slot = slot(h);
                keys[slot] = h;
                files[entry] = file;
                next[entry] = heads[slot];
                heads[slot] = entry++;
            }
        }
    }

    /** The ids of the files that appear to define the name with this hash, ascending and distinct. */
    int[] filesDefining(long hash) {
        int slot = find(hash);
        if (slot < 0) {
            return new int[0];
        }
        int count = 0;
        for (int e = heads[slot]; e >= 0; e = next[e]) {
            count++;
        }
        int[] result = new int[count];
        int i = 0;
        for (int e = heads[slot]; e >= 0; e = next[e]) {
            result[i++] = files[e];
        }
        Arrays.sort(result);
        return Arrays.stream(result).distinct().toArray();
    }

    private int slot(long h) {
        int mask = keys.length - 1;
        int s = (int) (h ^ (h >>> 29)) & mask;
        while (heads[s] >= 0 && keys[s] != h) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private int find(long h) {
        int s = slot(h);
        return heads[s] >= 0 ? s : -1;
    }
}
