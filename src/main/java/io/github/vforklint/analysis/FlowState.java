package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Variable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The abstract state at one point of one function, for one {@link Key}: what is known about
 * integer values (the vfork result and what was computed from it), which variables hold the
 * result itself, what pointers may point into, which locals the child declared, and, for each
 * vfork call this path is the parent of, which variables the parent has overwritten since.
 * States of the same key are joined where paths meet; keys keep the vfork outcomes apart.
 * Mutable while one node's events are applied; copied before it is handed on.
 */
final class FlowState {

    /**
     * What separates states that are never joined: the vfork outcome, which vfork call, the exec
     * the child has survived, and whether the path exists only if a call vforklint cannot see into
     * returned ({@code uncertain}).
     */
    record Key(Phase phase, Event.Call site, ExecMark exec, boolean uncertain) {
    }

    Phase phase;
    Event.Call site;
    ExecMark exec;
    boolean uncertain;
    /** Integer values of variables and member paths; absent means anything. */
    final Map<Object, AbstractInt> values;
    /** Variables and member paths holding this path's vfork result plus an offset. */
    final Map<Object, Long> holders;
    /** Values of the calls whose result the analysis decides (the vfork call, fork, helpers). */
    final Map<Event.Call, AbstractInt> callValues;
    /** What the results of calls point into, when known. */
    final Map<Event.Call, Set<MemoryObject>> callTargets;
    /** What pointer variables and member paths may point into; absent means their default. */
    final Map<Object, Set<MemoryObject>> pointsTo;
    /** Locals declared in the child on every path here. */
    final Set<Variable> childLocals;
    /** For each vfork call whose parent this path is: the variables (identities) it stored a new value in since. */
    final Map<Event.Call, Set<Object>> observers;

    private FlowState(Phase phase, Event.Call site, ExecMark exec, boolean uncertain, Map<Object, AbstractInt> values,
                      Map<Object, Long> holders, Map<Event.Call, AbstractInt> callValues,
                      Map<Event.Call, Set<MemoryObject>> callTargets, Map<Object, Set<MemoryObject>> pointsTo,
                      Set<Variable> childLocals, Map<Event.Call, Set<Object>> observers) {
        this.phase = phase;
        this.site = site;
        this.exec = exec;
        this.uncertain = uncertain;
        this.values = values;
        this.holders = holders;
        this.callValues = callValues;
        this.callTargets = callTargets;
        this.pointsTo = pointsTo;
        this.childLocals = childLocals;
        this.observers = observers;
    }

    static FlowState start(Phase phase) {
        return new FlowState(phase, null, null, false, new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new HashSet<>(), new HashMap<>());
    }

    Key key() {
        return new Key(phase, site, exec, uncertain);
    }

    FlowState copy() {
        Map<Event.Call, Set<Object>> obs = new HashMap<>();
        observers.forEach((k, v) -> obs.put(k, new HashSet<>(v)));
        return new FlowState(phase, site, exec, uncertain, new HashMap<>(values), new HashMap<>(holders),
                new HashMap<>(callValues), new HashMap<>(callTargets), new HashMap<>(pointsTo),
                new HashSet<>(childLocals), obs);
    }

    /** The parent has stored a new value in {@code identity}: what any earlier child wrote there is gone. */
    void overwritten(Object identity) {
        for (Set<Object> overwritten : observers.values()) {
            overwritten.add(identity);
        }
    }

    /**
     * Joins {@code other} (of the same key) into this state.
     *
     * @param widen drop integer bounds that still move, so loops converge
     * @return whether this state changed
     */
    boolean join(FlowState other, boolean widen) {
        boolean changed = false;
        for (var it = values.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            AbstractInt theirs = other.values.get(e.getKey());
            if (theirs == null) {
                it.remove();
                changed = true;
                continue;
            }
            AbstractInt joined = widen ? e.getValue().widen(theirs) : e.getValue().join(theirs);
            if (joined.isAny()) {
                it.remove();
                changed = true;
            } else if (!joined.equals(e.getValue())) {
                e.setValue(joined);
                changed = true;
            }
        }
        changed |= holders.entrySet().removeIf(e -> !Objects.equals(other.holders.get(e.getKey()), e.getValue()));
        for (var it = callValues.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            AbstractInt theirs = other.callValues.get(e.getKey());
            AbstractInt joined = theirs == null ? null : e.getValue().join(theirs);
            if (joined == null || joined.isAny()) {
                it.remove();
                changed = true;
            } else if (!joined.equals(e.getValue())) {
                e.setValue(joined);
                changed = true;
            }
        }
        changed |= joinTargets(callTargets, other.callTargets);
        changed |= joinTargets(pointsTo, other.pointsTo);
        changed |= childLocals.retainAll(other.childLocals);
        for (var e : other.observers.entrySet()) {
            Set<Object> mine = observers.get(e.getKey());
            if (mine == null) {
                observers.put(e.getKey(), new HashSet<>(e.getValue()));
                changed = true;
            } else {
                changed |= mine.retainAll(e.getValue());
            }
        }
        return changed;
    }

    private static <K> boolean joinTargets(Map<K, Set<MemoryObject>> mine, Map<K, Set<MemoryObject>> theirs) {
        boolean changed = false;
        for (var it = mine.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Set<MemoryObject> other = theirs.get(e.getKey());
            if (other == null) {
                // absent on the other path means "its default", which the lookup supplies
                it.remove();
                changed = true;
            } else if (!e.getValue().containsAll(other)) {
                Set<MemoryObject> union = new HashSet<>(e.getValue());
                union.addAll(other);
                e.setValue(Set.copyOf(union));
                changed = true;
            }
        }
        return changed;
    }
}
