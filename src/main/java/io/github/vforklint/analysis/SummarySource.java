package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

/** Where a walk gets the summary of a helper it calls. */
@FunctionalInterface
interface SummarySource {

    /** The summary of the function {@code name} as called from {@code caller}, or null when it has no body. */
    HelperSummary of(String name, FunctionBody caller);
}
