package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.knowledge.FunctionKind;
import io.github.vforklint.knowledge.FunctionKnowledge;

import java.util.Set;

/** What the walks of one translation unit share: the catalogue, the way to find helper bodies, their summaries. */
final class AnalysisContext {

    private final FunctionKnowledge knowledge;
    private final FunctionResolver resolver;
    private final AnalysisLimits limits;
    private final Set<String> wrappers;
    private final HelperSummaries summaries;

    /**
     * @param wrappers functions known to return the vfork result, as {@link #wrapperKey} of their
     *                 bodies: calls that resolve to one of them are vfork sites
     */
    AnalysisContext(FunctionKnowledge knowledge, FunctionResolver resolver, AnalysisLimits limits,
                    Set<String> wrappers, SummaryCache cache) {
        this.knowledge = knowledge;
        this.resolver = resolver;
        this.limits = limits;
        this.wrappers = wrappers;
        this.summaries = new HelperSummaries(this, cache);
    }

    /** Whether the call, made in {@code caller}, returns 0 in a new vfork child. */
    boolean isVforkSite(Event.Call call, FunctionBody caller) {
        if (call.isIndirect()) {
            return false;
        }
        return knowledge.lookup(call.callee()).kind() == FunctionKind.VFORK
                || knowledge.vforkCalls().returnsInChild(call)
                || !wrappers.isEmpty() && resolver.function(call.callee(), caller)
                        .map(body -> wrappers.contains(wrapperKey(body))).orElse(false);
    }

    /** A wrapper is a definition, not a name: a static function of the same name elsewhere is not one. */
    static String wrapperKey(FunctionBody body) {
        return body.unit() + "\u0000" + body.name();
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

    int maxReach() {
        return limits.helperReach();
    }
}
