package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.Variable;

import java.util.HashSet;
import java.util.Set;

/**
 * The abstract state of one path: its phase, the vfork call it refers to, the variables that hold
 * that call's result, the exec call it has survived, if any, and whether it only exists if a
 * call vforklint cannot see into ({@code uncertain}) returned.
 */
record PathState(Phase phase, Event.Call site, Set<Variable> resultHolders, ExecMark afterExec, boolean uncertain) {

    PathState(Phase phase, Event.Call site, Set<Variable> resultHolders, ExecMark afterExec) {
        this(phase, site, resultHolders, afterExec, false);
    }

    static PathState start() {
        return new PathState(Phase.BEFORE, null, Set.of(), null);
    }

    static PathState inHelperChild() {
        return new PathState(Phase.CHILD, null, Set.of(), null);
    }

    PathState forked(Event.Call vfork, Phase outcome) {
        return new PathState(outcome, vfork, Set.of(), null);
    }

    PathState afterExec(ExecMark exec) {
        return new PathState(phase, site, resultHolders, exec, uncertain);
    }

    /** The path goes on only if an unseen call returned. */
    PathState afterUnknownCall() {
        return uncertain ? this : new PathState(phase, site, resultHolders, afterExec, true);
    }

    PathState assigned(Variable variable, Expr value) {
        boolean holds = holdsResult(value);
        if (holds == resultHolders.contains(variable)) {
            return this;
        }
        Set<Variable> holders = new HashSet<>(resultHolders);
        if (holds) {
            holders.add(variable);
        } else {
            holders.remove(variable);
        }
        return new PathState(phase, site, Set.copyOf(holders), afterExec, uncertain);
    }

    /** Whether an expression evaluates to this path's vfork result. */
    boolean holdsResult(Expr value) {
        if (site == null || value == null) {
            return false;
        }
        if (value instanceof Expr.CallValue call) {
            return call.call() == site;
        }
        if (value instanceof Expr.VarRef ref) {
            return resultHolders.contains(ref.variable());
        }
        if (value instanceof Expr.Assign assign) {
            return holdsResult(assign.value());
        }
        return false;
    }
}
