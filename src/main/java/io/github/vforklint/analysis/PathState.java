package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.Variable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The abstract state of one path: its phase, the vfork call it refers to, the variables (or
 * member paths such as {@code cmd->pid}) that hold that call's result, each as result + offset so
 * {@code if (pid == 0) pid--;} keeps its meaning, the exec call it has survived, if any, and whether it only exists if a call
 * vforklint cannot see into ({@code uncertain}) returned.
 */
record PathState(Phase phase, Event.Call site, Map<Object, Long> resultHolders, ExecMark afterExec,
                 boolean uncertain, Set<Object> overwrittenByParent) {

    PathState(Phase phase, Event.Call site, Map<Object, Long> resultHolders, ExecMark afterExec) {
        this(phase, site, resultHolders, afterExec, false, Set.of());
    }

    static PathState start() {
        return new PathState(Phase.BEFORE, null, Map.of(), null);
    }

    static PathState inHelperChild() {
        return new PathState(Phase.CHILD, null, Map.of(), null);
    }

    PathState forked(Event.Call vfork, Phase outcome) {
        return new PathState(outcome, vfork, Map.of(), null);
    }

    PathState afterExec(ExecMark exec) {
        return new PathState(phase, site, resultHolders, exec, uncertain, overwrittenByParent);
    }

    /** The path goes on only if an unseen call returned. */
    PathState afterUnknownCall() {
        return uncertain ? this : new PathState(phase, site, resultHolders, afterExec, true, overwrittenByParent);
    }

    /** The parent has stored a new value in {@code variable} (an identity key): what the child wrote there is gone. */
    PathState overwrittenByParent(Object variable) {
        if (overwrittenByParent.contains(variable)) {
            return this;
        }
        Set<Object> overwritten = new HashSet<>(overwrittenByParent);
        overwritten.add(variable);
        return new PathState(phase, site, resultHolders, afterExec, uncertain, Set.copyOf(overwritten));
    }

    /** @param holder a {@link Variable} or a member path */
    PathState assigned(Object holder, Expr value) {
        return withHolder(holder, resultOffset(value));
    }

    /** Marks a variable that held the result and now holds something unknown. */
    private static final Long FORMER_HOLDER = Long.MIN_VALUE;

    private static Long current(Long offset) {
        return FORMER_HOLDER.equals(offset) ? null : offset;
    }

    /** {@code holder += increment}; a null increment (not a constant) loses track of it. */
    PathState incremented(Object variable, Long increment) {
        Long offset = current(resultHolders.get(variable));
        return withHolder(variable, offset == null || increment == null ? null : offset + increment);
    }

    private PathState withHolder(Object variable, Long offset) {
        // A holder given another value is remembered as a former holder: the parent still stores
        // its own vfork return there, so the child's writes to it stay harmless.
        Long stored = offset != null ? offset : resultHolders.containsKey(variable) ? FORMER_HOLDER : null;
        if (java.util.Objects.equals(stored, resultHolders.get(variable))) {
            return this;
        }
        Map<Object, Long> holders = new HashMap<>(resultHolders);
        if (stored != null) {
            holders.put(variable, stored);
        } else {
            holders.remove(variable);
        }
        return new PathState(phase, site, Map.copyOf(holders), afterExec, uncertain, overwrittenByParent);
    }

    /** Whether an expression evaluates to exactly this path's vfork result. */
    boolean holdsResult(Expr value) {
        Long offset = resultOffset(value);
        return offset != null && offset == 0;
    }

    /** If the expression is this path's vfork result plus a constant, that constant; else null. */
    Long resultOffset(Expr value) {
        if (site == null || value == null) {
            return null;
        }
        if (value instanceof Expr.CallValue call) {
            return call.call() == site ? 0L : null;
        }
        if (value instanceof Expr.VarRef ref) {
            return current(resultHolders.get(ref.variable()));
        }
        if (value instanceof Expr.Member member) {
            return current(resultHolders.get(member.path()));
        }
        if (value instanceof Expr.Assign assign) {
            return resultOffset(assign.value());
        }
        if (value instanceof Expr.Choice choice) {
            // A path past the vfork took the branch that called it.
            Long first = resultOffset(choice.first());
            return first != null ? first : resultOffset(choice.second());
        }
        return null;
    }
}
