package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Helper summaries shared by every translation unit of a scan: a helper defined in one file and
 * called from children in many is summarised once. Safe for the scan's parser threads; two
 * threads may race to compute the same summary, which only costs time.
 */
public final class SummaryCache {

    /** How a function is entered: as a helper the child calls, or as the body of a clone child. */
    enum Mode { HELPER, CLONE_CHILD }

    /** Identity of the lowered function, not structural equality: bodies are large graphs. */
    private record Key(FunctionBody function, Mode mode) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.function == function && k.mode == mode;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(function) * 31 + mode.hashCode();
        }
    }

    private final Map<Key, HelperSummary> summaries = new ConcurrentHashMap<>();

    HelperSummary get(FunctionBody function, Mode mode) {
        return summaries.get(new Key(function, mode));
    }

    void put(FunctionBody function, Mode mode, HelperSummary summary) {
        summaries.putIfAbsent(new Key(function, mode), summary);
    }
}
