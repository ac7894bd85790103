package io.github.vforklint.analysis;

import io.github.vforklint.knowledge.FunctionKnowledge;

/** What the walks of one translation unit share: the catalogue, the way to find helper bodies, their summaries. */
final class AnalysisContext {

    private final FunctionKnowledge knowledge;
    private final FunctionResolver resolver;
    private final AnalysisLimits limits;
    private final HelperSummaries summaries;

    AnalysisContext(FunctionKnowledge knowledge, FunctionResolver resolver, AnalysisLimits limits) {
        this.knowledge = knowledge;
        this.resolver = resolver;
        this.limits = limits;
        this.summaries = new HelperSummaries(this);
    }

    FunctionKnowledge knowledge() {
        return knowledge;
    }

    FunctionResolver resolver() {
        return resolver;
    }

    HelperSummaries summaries() {
        return summaries;
    }

    int stepBudget() {
        return limits.stepsPerFunction();
    }

    int maxDepth() {
        return limits.callDepth();
    }
}
