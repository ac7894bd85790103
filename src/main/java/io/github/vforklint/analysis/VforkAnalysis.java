package io.github.vforklint.analysis;

import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.Variable;
import io.github.vforklint.knowledge.FunctionKnowledge;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of the analysis: given a function that calls vfork, finds its child regions and
 * returns what happens in them. One instance per translation unit, so helper summaries are shared
 * by all the functions analysed in it.
 */
public final class VforkAnalysis {

    /**
     * Observations of one function, plus notes on anything that cut the analysis short.
     * {@code wrapperKey} is set when the function hands the vfork result to its caller, which
     * makes it a vfork wrapper: pass the keys of all wrappers found to later analyses.
     */
    public record Result(List<VforkObservation> observations, List<Location> vforkSites, List<String> incomplete,
                         String wrapperKey) {
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
        PathExplorer discovery = new PathExplorer(function, context, false, null);
        discovery.run(PathState.start());
        Set<Object> childWritten = new HashSet<>();
        List<VforkObservation> discovered = new ArrayList<>(discovery.observations);
        discovered.addAll(WriteOwnership.forVforkFunction(discovery).parentWrites());
        for (VforkObservation o : discovered) {
            if (o instanceof VforkObservation.ParentMemoryWrite w && w.variable() != null) {
                childWritten.add(identity(w.variable()));
            }
        }
        PathExplorer walk = new PathExplorer(function, context, false, parentCode(discovery), childWritten);
        walk.run(PathState.start());

        List<VforkObservation> observations = new ArrayList<>(VforkObservation.distinct(walk.observations));
        List<VforkObservation.ParentMemoryWrite> parentWrites = WriteOwnership.forVforkFunction(walk).parentWrites();
        observations.addAll(parentWrites);
        observations.addAll(parentReadsOfChildWrites(walk, observations));
        observations.removeIf(o -> concernsParentFrame(o) && !walk.parentResumes.contains(o.site()));

        List<String> incomplete = new ArrayList<>();
        if (walk.truncated) {
            incomplete.add("analysis of " + function.name() + "() stopped after " + context.stepBudget()
                    + " steps; findings in it may be missing");
        }
        incomplete.addAll(walk.incomplete);
        function.skipped().forEach(s -> incomplete.add("in " + function.name() + "(), line " + s));
        List<Location> sites = walk.vforkSites.stream().map(Event.Call::location).distinct().toList();
        return new Result(observations, sites, incomplete,
                walk.returnsVforkResult ? AnalysisContext.wrapperKey(function) : null);
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

    private static Set<CfgNode> parentCode(PathExplorer discovery) {
        Set<CfgNode> nodes = new HashSet<>();
        for (Map.Entry<CfgNode, EnumSet<Phase>> e : discovery.phasesSeen.entrySet()) {
            // The failure branch has no child, and may run the child's code (if (pid > 0) return pid;).
            if (!EnumSet.of(Phase.CHILD, Phase.FAILED).containsAll(e.getValue())) {
                nodes.add(e.getKey());
            }
        }
        return nodes;
    }

    private static List<VforkObservation> parentReadsOfChildWrites(PathExplorer walk, List<VforkObservation> observations) {
        Map<Event.Call, Map<Object, Location>> written = new HashMap<>();
        for (VforkObservation o : observations) {
            if (o instanceof VforkObservation.ParentMemoryWrite w && w.variable() != null && w.site() != null) {
                written.computeIfAbsent(w.site(), k -> new HashMap<>()).putIfAbsent(identity(w.variable()), w.location());
            }
        }
        List<VforkObservation> reads = new ArrayList<>();
        for (PathExplorer.ParentSideRead read : walk.parentReads) {
            Location write = written.getOrDefault(read.site(), Map.of()).get(identity(read.read().variable()));
            if (write != null) {
                reads.add(new VforkObservation.ParentRead(read.read(), write, read.site()));
            }
        }
        return reads;
    }
}
