package io.github.vforklint.analysis;

import io.github.vforklint.finding.TraceStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The depth and helper-reach limits, applied where summaries meet the function that called vfork:
 * summaries are complete, and what a limit cuts from them is said in a note naming the helper.
 * A call deep in the child's helpers to a function that reaches more than the reach limit is kept
 * as a call vforklint did not follow (VFK108), never dropped silently.
 */
record ImportLimits(int maxDepth, int maxReach) {

    List<VforkObservation> apply(List<VforkObservation> observations, Set<String> notes) {
        List<VforkObservation> kept = new ArrayList<>(observations.size());
        for (VforkObservation o : observations) {
            List<TraceStep> steps = o.trail().steps();
            List<Integer> reach = o.trail().reach();
            if (steps.size() > maxDepth) {
                notes.add("helper " + steps.get(maxDepth).function() + "() is more than " + maxDepth
                        + " calls deep from a vfork child and was not followed (--max-depth)");
                continue;
            }
            int cut = -1;
            for (int i = 1; i < reach.size(); i++) {
                if (reach.get(i) > maxReach) {
                    cut = i;
                    break;
                }
            }
            if (cut >= 0) {
                // The call into that helper is normally kept as one not followed; saying it here
                // too keeps the cut visible should that call be missing.
                notes.add(reachNote(steps.get(cut).function(), reach.get(cut)));
                continue;
            }
            if (o instanceof VforkObservation.ChildCall call && !steps.isEmpty() && call.hasBody()
                    && call.calleeReach() > maxReach) {
                notes.add(reachNote(call.call().callee(), call.calleeReach()));
                kept.add(call.asNotFollowed());
                continue;
            }
            kept.add(o);
        }
        return kept;
    }

    private String reachNote(String helper, int reach) {
        return helper + "() reaches at least " + reach + " functions, more than " + maxReach
                + ", and was not followed from the vfork child (--max-helper-reach): what it reaches was not analysed;"
                + " review the call by hand";
    }
}
