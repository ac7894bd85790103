package io.github.vforklint.analysis;

import java.util.List;

/**
 * What a helper does when the child calls it, computed once per helper: what it observes (with
 * chains relative to the helper), and how it can come back to its caller.
 */
record HelperSummary(List<VforkObservation> observations, boolean returnsNormally, boolean returnsIfUnknownCallsReturn,
                     List<ExecMark> returnsAfterExec, List<String> incomplete, boolean returnsFreshMemory,
                     java.util.Set<io.github.vforklint.ir.FunctionBody> reach) {

    /** Stand-in while a recursive cycle is being summarised: assume the call returns and adds nothing. */
    static final HelperSummary IN_PROGRESS = new HelperSummary(List.of(), true, false, List.of(), List.of(), false,
            java.util.Set.of());

    /** Stand-in for a helper too deep to follow; the note travels with every summary that reaches it. */
    static HelperSummary cut(String note) {
        return new HelperSummary(List.of(), true, false, List.of(), List.of(note), false, java.util.Set.of());
    }
}
