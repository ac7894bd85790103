package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Child-context summaries of helpers, computed once each; recursion terminates on a stand-in. */
final class HelperSummaries {

    private final AnalysisContext context;
    private final Map<String, Optional<HelperSummary>> done = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final List<String> depthCuts = new ArrayList<>();

    HelperSummaries(AnalysisContext context) {
        this.context = context;
    }

    /** The summary of a helper with a body in the scanned code, or null when there is none. */
    HelperSummary of(String name) {
        Optional<HelperSummary> cached = done.get(name);
        if (cached != null) {
            return cached.orElse(null);
        }
        Optional<FunctionBody> body = context.resolver().function(name);
        if (body.isEmpty()) {
            done.put(name, Optional.empty());
            return null;
        }
        if (inProgress.contains(name)) {
            return HelperSummary.IN_PROGRESS;
        }
        if (inProgress.size() >= context.maxDepth()) {
            depthCuts.add(name);
            return HelperSummary.IN_PROGRESS;
        }
        inProgress.add(name);
        try {
            PathExplorer explorer = new PathExplorer(body.get(), context, true, null);
            explorer.run(PathState.inHelperChild());
            List<Observation> observations = new ArrayList<>(explorer.observations);
            observations.addAll(WriteOwnership.forHelper(explorer).parentWrites());
            HelperSummary summary = new HelperSummary(List.copyOf(observations),
                    explorer.returnsNormally || explorer.truncated, explorer.returnsIfUnknownCallsReturn,
                    List.copyOf(explorer.returnsAfterExec));
            done.put(name, Optional.of(summary));
            return summary;
        } finally {
            inProgress.remove(name);
        }
    }

    List<String> depthCuts() {
        return depthCuts;
    }
}
