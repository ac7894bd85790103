package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which summary of a helper a call in one function's walk gets: the general one, or one made for
 * what the path knows at the call (its integer arguments, the globals and statics the helper
 * reads), since a helper can take another path for those (dash's {@code vforked} flag,
 * {@code bb_daemonize_or_rexec(0, argv)}, toybox's {@code xvforkwrap(vfork())}).
 */
final class CallSpecialiser {

    private final FunctionBody function;
    private final SummarySource summaries;
    private final Values values;
    /** Calls whose result the function uses. */
    private final Set<Event.Call> valueUsed;

    CallSpecialiser(FunctionBody function, SummarySource summaries, Values values, Set<Event.Call> valueUsed) {
        this.function = function;
        this.summaries = summaries;
        this.values = values;
        this.valueUsed = valueUsed;
    }

    /**
     * The helper's summary for what this path knows at the call: the integer arguments, when the
     * helper can come back more than one way or the caller uses a result it does not know
     * (toybox's {@code xvforkwrap(vfork())} returns its argument: 0 in the child), and the values
     * of the globals and statics it reads and does not store to.
     */
    HelperSummary specialise(Event.Call call, HelperSummary summary, FlowState s) {
        Map<Object, AbstractInt> statics = Map.of();
        for (Object read : summary.readsStatics()) {
            AbstractInt value = summary.writesStatics().contains(read) ? AbstractInt.ANY : s.value(read);
            if (!value.isAny()) {
                if (statics.isEmpty()) {
                    statics = new HashMap<>();
                }
                statics.put(read, value);
            }
        }
        boolean byArguments = summary.exits().size() >= 2
                || valueUsed.contains(call) && summary.exits().stream().anyMatch(e -> !e.value().isExact());
        List<AbstractInt> arguments = List.of();
        boolean any = false;
        if (byArguments) {
            arguments = new ArrayList<>(call.arguments().size());
            for (Expr argument : call.arguments()) {
                AbstractInt value = values.intValue(argument, s);
                arguments.add(value);
                any |= !value.isAny();
            }
        }
        return any || !statics.isEmpty() ? summaries.specialised(call.callee(), function, summary, arguments, statics)
                : summary;
    }

    /**
     * A helper handed the vfork result itself ({@code xvforkwrap(vfork())}, toybox's XVFORK) hands
     * the parent and the failure back what its body makes of it, as it hands the child 0: without
     * that the parent would seem to run the child's code, and an exec there to fall through. Called
     * for a direct call of a function with no catalogue entry, outside the child.
     */
    void passThrough(Event.Call call, FlowState s) {
        if (s.site == null || call.isIndirect() || !valueUsed.contains(call)
                || call.arguments().stream().noneMatch(a -> a instanceof Expr.CallValue v && v.call() == s.site)) {
            return;
        }
        HelperSummary general = summaries.of(call.callee(), function);
        if (general == null) {
            return;
        }
        AbstractInt value = null;
        for (HelperSummary.Exit exit : specialise(call, general, s).exits()) {
            value = value == null ? exit.value() : value.join(exit.value());
        }
        if (value != null && !value.isAny()) {
            s.setCallValue(call, value);
        }
    }
}
