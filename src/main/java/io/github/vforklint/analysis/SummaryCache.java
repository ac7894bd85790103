package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helper summaries shared by every translation unit of a scan: a helper defined in one file and
 * called from children in many is summarised once. A summary depends only on the helper's body
 * and its callees, never on who asked first or with which limits, so two threads that race to
 * compute the same one compute the same thing.
 */
public final class SummaryCache {

    // Keyed by the lowered function itself: FunctionBody's equality is identity (bodies are large graphs).
    private final Map<FunctionBody, HelperSummary> summaries = new ConcurrentHashMap<>();
    private final Map<FunctionBody, Boolean> recursive = new ConcurrentHashMap<>();
    private final Map<FunctionBody, Map<Object, HelperSummary>> specialised = new ConcurrentHashMap<>();
    private final Map<FunctionBody, BitSet> reach = new ConcurrentHashMap<>();
    private final Map<FunctionBody, Integer> ids = new ConcurrentHashMap<>();
    private final Map<FunctionBody, BitSet> farReaching = new ConcurrentHashMap<>();
    private final Map<FunctionBody, Boolean> near = new ConcurrentHashMap<>();
    private final Map<FunctionBody, java.util.List<FunctionBody>> components = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();

    HelperSummary get(FunctionBody function) {
        return summaries.get(function);
    }

    /** The functions a summarised function reaches (itself included), as {@link #id}s. */
    BitSet reach(FunctionBody function) {
        return reach.get(function);
    }

    void put(FunctionBody function, HelperSummary summary, BitSet reached, boolean inCycle) {
        reach.putIfAbsent(function, reached);
        recursive.putIfAbsent(function, inCycle);
        summaries.putIfAbsent(function, summary);
    }

    /** Whether the function is part of a recursive cycle (its summary is never specialised). */
    boolean recursive(FunctionBody function) {
        return recursive.getOrDefault(function, true);
    }

    /** The members of the recursive cycle a function belongs to, as solved; null for one in none. */
    java.util.List<FunctionBody> component(FunctionBody function) {
        return components.get(function);
    }

    void putComponent(FunctionBody function, java.util.List<FunctionBody> members) {
        components.putIfAbsent(function, java.util.List.copyOf(members));
    }

    /** @param known what the summary was specialised on: arguments, and values of globals and statics */
    HelperSummary specialised(FunctionBody function, Object known) {
        return specialised.getOrDefault(function, Map.of()).get(known);
    }

    void putSpecialised(FunctionBody function, Object known, HelperSummary summary) {
        specialised.computeIfAbsent(function, k -> new ConcurrentHashMap<>()).putIfAbsent(known, summary);
    }

    /**
     * For a function found to reach more functions than the scan's helper-reach limit: the first
     * limit + 1 of them; null when not known to be so.
     */
    BitSet farReaching(FunctionBody function) {
        return farReaching.get(function);
    }

    /** Whether the function is known to reach no more than the limit. */
    boolean near(FunctionBody function) {
        return near.getOrDefault(function, false);
    }

    /** Records a reach check; returns the functions first found that the cache holds (another thread may have been first). */
    BitSet putReachCheck(FunctionBody function, BitSet firstFound, boolean far) {
        if (far) {
            BitSet before = farReaching.putIfAbsent(function, firstFound);
            return before == null ? firstFound : before;
        }
        near.putIfAbsent(function, true);
        return null;
    }

    /** A number for the function, for reach sets: only their sizes are ever reported. */
    int id(FunctionBody function) {
        return ids.computeIfAbsent(function, k -> nextId.getAndIncrement());
    }
}
