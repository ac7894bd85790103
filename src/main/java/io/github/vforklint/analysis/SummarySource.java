package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

import java.util.List;
import java.util.Map;

/** Where a walk gets the summary of a helper it calls. */
@FunctionalInterface
interface SummarySource {

    /** The summary of the function {@code name} as called from {@code caller}, or null when it has no body. */
    HelperSummary of(String name, FunctionBody caller);

    /**
     * The summary of the same helper for a call whose arguments are these integers ({@link
     * AbstractInt#ANY} where nothing is known): {@code bb_daemonize_or_rexec(0, argv)} only returns in a grandchild,
     * though other flags make it return in the caller's process; and where globals or statics it
     * reads have these values: dash's {@code vforked} makes its error path {@code _exit} in the
     * child instead of jumping back into the parent. Defaults to the general summary.
     */
    default HelperSummary specialised(String name, FunctionBody caller, HelperSummary general, List<AbstractInt> arguments,
                                      Map<Object, AbstractInt> statics) {
        return general;
    }
}
