package io.github.vforklint.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's {@code primaryLocationLineHash}, computed as github/codeql-action's
 * {@code src/fingerprints.ts} does when upload-sarif fills it in: a rolling hash (base 37,
 * 64-bit wrap-around) over the 100 characters starting at each line, spaces and tabs skipped
 * and line ends normalised to '\n', followed by ":n", the occurrence count of that hash so far.
 * Producing the same value lets an upload through the API (which computes nothing) and one
 * through the action agree on which alerts are the same.
 */
final class LineHashes {

    private static final int BLOCK_SIZE = 100;
    private static final long MOD = 37;
    private static final int EOF = 65535;
    private static final long FIRST_MOD = firstMod();

    private final List<String> hashes = new ArrayList<>();

    private final int[] window = new int[BLOCK_SIZE];
    private final int[] lineNumbers = new int[BLOCK_SIZE];
    private final Map<String, Integer> counts = new HashMap<>();
    private long hash;
    private int index;
    private int lineNumber;
    private boolean lineStart = true;
    private boolean prevCr;

    private LineHashes() {
        Arrays.fill(lineNumbers, -1);
    }

    /** The hash of every line of the text; element 0 is line 1. */
    static List<String> of(CharSequence text) {
        LineHashes h = new LineHashes();
        for (int i = 0; i < text.length(); i++) {
            h.process(text.charAt(i));
        }
        h.process(EOF);
        for (int i = 0; i < BLOCK_SIZE; i++) {
            if (h.lineNumbers[h.index] != -1) {
                h.output();
            }
            h.update(0);
        }
        return List.copyOf(h.hashes);
    }

    private static long firstMod() {
        long m = 1;
        for (int i = 0; i < BLOCK_SIZE; i++) {
            m *= MOD;
        }
        return m;
    }

    private void process(int c) {
        int current = c;
        if (current == ' ' || current == '\t' || (prevCr && current == '\n')) {
            prevCr = false;
            return;
        }
        if (current == '\r') {
            current = '\n';
            prevCr = true;
        } else {
            prevCr = false;
        }
        if (lineNumbers[index] != -1) {
            output();
        }
        if (lineStart) {
            lineStart = false;
            lineNumber++;
            lineNumbers[index] = lineNumber;
        }
        if (current == '\n') {
            lineStart = true;
        }
        update(current);
    }

    private void update(int current) {
        int begin = window[index];
        window[index] = current;
        hash = MOD * hash + current - FIRST_MOD * begin;
        index = (index + 1) % BLOCK_SIZE;
    }

    private void output() {
        String value = Long.toUnsignedString(hash, 16);
        int count = counts.merge(value, 1, Integer::sum);
        // Lines come out in order, so the list index is the line number minus one.
        hashes.add(value + ":" + count);
        lineNumbers[index] = -1;
    }
}
