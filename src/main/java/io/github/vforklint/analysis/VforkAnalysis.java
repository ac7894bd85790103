package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.Variable;
import io.github.vforklint.knowledge.FunctionKnowledge;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of the analysis: given a function that calls vfork, finds its child regions and
 * returns what happens in them. One instance per translation unit; helper summaries are shared
 * by the whole scan through the {@link SummaryCache}.
 */
public final class VforkAnalysis {

    /**
     * Observations of one function, plus notes on anything that cut the analysis short.
     * {@code wrapperKey} is set when the function hands the vfork result to its caller, or passes
     * its parameters on as clone's function and flags, which makes it a vfork wrapper: pass the
     * keys of all wrappers found to later analyses.
     */
    public record Result(List<VforkObservation> observations, List<Location> vforkSites, List<String> incomplete,
                         String wrapperKey, List<String> remarks) {
    }

    private final AnalysisContext context;

    public VforkAnalysis(FunctionKnowledge knowledge, FunctionResolver resolver, AnalysisLimits limits) {
        this(knowledge, resolver, limits, Set.of(), new SummaryCache());
    }

    /**
     * @param wrappers the {@link Result#wrapperKey()}s of the wrappers found so far: calls to them
     *                 are vfork sites too
     * @param cache    summaries shared with the other translation units of the scan
     */
    public VforkAnalysis(FunctionKnowledge knowledge, FunctionResolver resolver, AnalysisLimits limits,
                         Set<String> wrappers, SummaryCache cache) {
        this.context = new AnalysisContext(knowledge, resolver, limits, wrappers, cache);
    }

    public Result analyse(FunctionBody function) {
        // First walk: learn which nodes the parent runs, so the second can tell when a child
        // that survived a failed exec wanders into them.
        FunctionFlow discovery = new FunctionFlow(function, context, FunctionFlow.Mode.CALLER, null, false,
                context.summaries());
        discovery.run(FlowState.start(Phase.BEFORE));
        FunctionFlow walk = new FunctionFlow(function, context, FunctionFlow.Mode.CALLER, parentCode(discovery), true,
                context.summaries());
        walk.run(FlowState.start(Phase.BEFORE));

        Set<String> incomplete = new LinkedHashSet<>();
        List<VforkObservation> observations = new ArrayList<>();
        for (VforkObservation o : walk.observations) {
            if (o instanceof VforkObservation.ParentMemoryWrite w && w.frameLocal()) {
                o = w.seen(walk.liveAfter.getOrDefault(w.site(), Set.of()).contains(identity(w.variable()))
                        ? VforkObservation.ParentMemoryWrite.Seen.BY_PARENT : VforkObservation.ParentMemoryWrite.Seen.NEVER);
            } else if (o instanceof VforkObservation.ParentMemoryWrite w && restoredByParent(walk, w)) {
                o = w.seen(VforkObservation.ParentMemoryWrite.Seen.UNTIL_RESTORED);
            }
            observations.add(o);
        }
        observations.addAll(parentReadsOfChildWrites(walk, observations));
        observations.removeIf(o -> concernsParentFrame(o) && !walk.parentResumes.contains(o.site()));
        observations = new ImportLimits(context.maxDepth(), context.maxReach()).apply(observations, incomplete);

        if (walk.truncated) {
            incomplete.add("analysis of " + function.name() + "() stopped after " + context.stepBudget()
                    + " steps; findings in it may be missing");
        }
        incomplete.addAll(walk.incomplete);
        function.skipped().forEach(s -> incomplete.add("in " + function.name() + "(), line " + s));
        List<Location> sites = walk.vforkSites.stream().map(Event.Call::location).distinct().toList();
        String wrapper = walk.returnsVforkResult ? AnalysisContext.wrapperKey(function)
                : walk.cloneWrapper != null ? AnalysisContext.cloneWrapperKey(function, walk.cloneWrapper) : null;
        return new Result(List.copyOf(observations), sites, List.copyOf(incomplete), wrapper,
                List.copyOf(walk.remarks));
    }

    /**
     * A global or static the parent stores to again after vfork returns, on every path, before it
     * reads it, calls code that could or leaves: the child's value is gone before this thread uses it.
     */
    private static boolean restoredByParent(FunctionFlow walk, VforkObservation.ParentMemoryWrite w) {
        if (w.variable() == null || w.site() == null || walk.truncated || !walk.incomplete.isEmpty()) {
            // a path the walk did not follow to its end could read it first
            return false;
        }
        Object identity = identity(w.variable());
        Set<Object> restored = walk.restoredBeforeEscape.get(w.site());
        return restored != null && restored.contains(identity)
                && !walk.liveAfter.getOrDefault(w.site(), Set.of()).contains(identity);
    }

    /**
     * A parent that only leaves with _exit after vfork never uses its memory or frame again, so
     * what the child does to them cannot hurt it. Calls still matter: the parent's other threads
     * keep running and may hold the locks the child takes.
     */
    private static boolean concernsParentFrame(VforkObservation o) {
        return o instanceof VforkObservation.ParentMemoryWrite || o instanceof VforkObservation.ParentRead
                || o instanceof VforkObservation.ChildReturn || o instanceof VforkObservation.ExecFallthrough;
    }

    /**
     * A global is the same object whichever file's declaration named it; each translation unit has
     * its own Variable for it, so globals are matched by name.
     */
    static Object identity(Variable v) {
        return v.storage() == Variable.Storage.GLOBAL ? "global:" + v.name() : v;
    }

    private static Set<CfgNode> parentCode(FunctionFlow discovery) {
        Set<CfgNode> nodes = new HashSet<>();
        for (Map.Entry<CfgNode, EnumSet<Phase>> e : discovery.phasesSeen.entrySet()) {
            // Code a fork() child shares with the vfork child (pid = use_fork ? fork() : vfork()),
            // and the failure branch (if (pid > 0) return pid;), are not the parent's.
            if (e.getValue().contains(Phase.PARENT)) {
                nodes.add(e.getKey());
            }
        }
        return nodes;
    }

    private static List<VforkObservation> parentReadsOfChildWrites(FunctionFlow walk, List<VforkObservation> observations) {
        Map<Event.Call, Map<Object, Location>> written = new HashMap<>();
        for (VforkObservation o : observations) {
            if (o instanceof VforkObservation.ParentMemoryWrite w && w.variable() != null && w.site() != null) {
                Map<Object, Location> bySite = written.computeIfAbsent(w.site(), k -> new HashMap<>());
                bySite.merge(identity(w.variable()), w.location(), VforkAnalysis::earlier);
            }
        }
        List<VforkObservation> reads = new ArrayList<>();
        for (FunctionFlow.ParentSideRead read : walk.parentReads) {
            Location write = written.getOrDefault(read.site(), Map.of()).get(identity(read.read().variable()));
            if (write != null) {
                reads.add(new VforkObservation.ParentRead(read.read(), write, Trail.at(read.site())));
            }
        }
        return reads;
    }

    private static Location earlier(Location a, Location b) {
        return a.line() < b.line() || a.line() == b.line() && a.column() <= b.column() ? a : b;
    }
}
