package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Child-context summaries of the functions one translation unit's children call, computed once
 * per scan (through the shared {@link SummaryCache}); recursion terminates on a stand-in.
 */
final class HelperSummaries {

    private final AnalysisContext context;
    private final SummaryCache cache;
    private final Set<FunctionBody> inProgress = new HashSet<>();
    /** How many times a recursive stand-in was handed out: a summary built on one is provisional. */
    private int standIns;
    /**
     * Provisional summaries, kept only until the outermost summary being computed is done: within
     * one query a recursive call graph is explored once, yet nothing order-dependent outlives it.
     */
    private final java.util.Map<String, HelperSummary> provisional = new java.util.HashMap<>();

    HelperSummaries(AnalysisContext context, SummaryCache cache) {
        this.context = context;
        this.cache = cache;
    }

    /** The summary of a helper with a body in the scanned code, or null when there is none. */
    HelperSummary of(String name, FunctionBody caller) {
        return summarise(name, caller, SummaryCache.Mode.HELPER);
    }

    /** The summary of {@code fn} run as a {@code clone(fn, ..., CLONE_VM | CLONE_VFORK, arg)} child. */
    HelperSummary ofCloneChild(String name, FunctionBody caller) {
        return summarise(name, caller, SummaryCache.Mode.CLONE_CHILD);
    }

    private HelperSummary summarise(String name, FunctionBody caller, SummaryCache.Mode mode) {
        Optional<FunctionBody> found = context.resolver().function(name, caller);
        if (found.isEmpty()) {
            return null;
        }
        FunctionBody body = found.get();
        HelperSummary cached = cache.get(body, mode);
        if (cached == null) {
            cached = provisional.get(provisionalKey(body, mode));
        }
        if (cached != null) {
            return cached;
        }
        if (inProgress.contains(body)) {
            standIns++;
            return HelperSummary.IN_PROGRESS;
        }
        if (inProgress.size() >= context.maxDepth()) {
            return HelperSummary.cut("helper " + name + "() is more than " + context.maxDepth()
                    + " calls deep from a vfork child and was not followed (--max-depth)");
        }
        int standInsBefore = standIns;
        inProgress.add(body);
        try {
            PathExplorer explorer = new PathExplorer(body, context, true, null);
            explorer.run(PathState.inHelperChild());
            List<VforkObservation> observations = new ArrayList<>(explorer.observations);
            WriteOwnership ownership = mode == SummaryCache.Mode.CLONE_CHILD
                    ? WriteOwnership.forCloneChild(explorer, body) : WriteOwnership.forHelper(explorer, body);
            observations.addAll(ownership.parentWrites());
            observations.addAll(ownership.cloneArgumentWrites());
            List<String> incomplete = new ArrayList<>(explorer.incomplete);
            if (explorer.truncated) {
                incomplete.add("analysis of helper " + name + "() stopped after " + context.stepBudget()
                        + " steps; findings in it may be missing");
            }
            body.skipped().forEach(s -> incomplete.add("in " + name + "(), line " + s));
            Set<FunctionBody> reach = new HashSet<>(explorer.reach);
            reach.add(body);
            HelperSummary summary = new HelperSummary(VforkObservation.distinct(observations),
                    explorer.returnsNormally || explorer.truncated, explorer.returnsIfUnknownCallsReturn,
                    List.copyOf(explorer.returnsAfterExec), List.copyOf(incomplete),
                    WriteOwnership.returnsOnlyFreshMemory(explorer), Set.copyOf(reach));
            // A summary that leaned on a recursive stand-in is only right from where it was asked;
            // caching it would make results depend on which function was analysed first.
            boolean isProvisional = standIns != standInsBefore && !inProgress.equals(Set.of(body));
            if (!isProvisional) {
                cache.put(body, mode, summary);
            } else {
                provisional.put(provisionalKey(body, mode), summary);
            }
            return summary;
        } finally {
            inProgress.remove(body);
            if (inProgress.isEmpty()) {
                provisional.clear();
            }
        }
    }

    private static String provisionalKey(FunctionBody body, SummaryCache.Mode mode) {
        return System.identityHashCode(body) + ":" + body.unit() + ":" + body.name() + ":" + mode;
    }
}
