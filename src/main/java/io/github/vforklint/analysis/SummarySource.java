package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

import java.util.List;

/** Where a walk gets the summary of a helper it calls. */
@FunctionalInterface
interface SummarySource {

    /** The summary of the function {@code name} as called from {@code caller}, or null when it has no body. */
    HelperSummary of(String name, FunctionBody caller);

    /**
     * The summary of the same helper for a call whose arguments are these integers (null where
     * not a known integer): {@code bb_daemonize_or_rexec(0, argv)} only returns in a grandchild,
     * though other flags make it return in the caller's process. Defaults to the general summary.
     */
    default HelperSummary specialised(String name, FunctionBody caller, HelperSummary general, List<Long> arguments) {
        return general;
    }
}
