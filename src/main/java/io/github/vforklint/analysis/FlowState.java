package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Variable;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The abstract state at one point of one function, for one {@link Key}: what is known about
 * integer values (the vfork result and what was computed from it), which variables hold the
 * result itself, what pointers may point into, which locals the child declared, and, for each
 * vfork call this path is the parent of, which variables the parent has overwritten since.
 * States of the same key are joined where paths meet; keys keep the vfork outcomes apart.
 * <p>
 * The maps are persistent: {@link #copy()} shares them, and a change replaces only the map it
 * touches (sharing all but a path of it), so handing a state from node to node costs what the
 * node changes, not the number of variables known.
 */
final class FlowState {

    /**
     * What separates states that are never joined: the vfork outcome, which vfork call, the exec
     * the child has survived, and whether the path exists only if a call vforklint cannot see into
     * returned ({@code uncertain}).
     */
    record Key(Phase phase, Event.Call site, ExecMark exec, boolean uncertain) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && uncertain == other.uncertain
                    && Objects.equals(phase, other.phase)
                    && Objects.equals(site, other.site)
                    && Objects.equals(exec, other.exec);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(phase);
            h = 31 * h + Objects.hashCode(site);
            h = 31 * h + Objects.hashCode(exec);
            h = 31 * h + Boolean.hashCode(uncertain);
            return h;
        }
    }

    Phase phase;
    Event.Call site;
    ExecMark exec;
    boolean uncertain;
    /** Integer values of variables and member paths; absent means anything. */
    private PMap<Object, AbstractInt> values;
    /** Variables and member paths holding this path's vfork result plus an offset. */
    private PMap<Object, Long> holders;
    /** Values of the calls whose result the analysis decides (the vfork call, fork, helpers). */
    private PMap<Event.Call, AbstractInt> callValues;
    /** What the results of calls point into, when known. */
    private PMap<Event.Call, Set<MemoryObject>> callTargets;
    /** What pointer variables and member paths may point into; absent means their default. */
    private PMap<Object, Set<MemoryObject>> pointsTo;
    /** Locals declared in the child on every path here. */
    private PSet<Variable> childLocals;
    /** For each vfork call whose parent this path is: the variables (identities) it stored a new value in since. */
    private PMap<Event.Call, PSet<Object>> observers;

    private FlowState(Phase phase) {
        this.phase = phase;
        this.values = HashTreePMap.empty();
        this.holders = HashTreePMap.empty();
        this.callValues = HashTreePMap.empty();
        this.callTargets = HashTreePMap.empty();
        this.pointsTo = HashTreePMap.empty();
        this.childLocals = HashTreePSet.empty();
        this.observers = HashTreePMap.empty();
    }

    private FlowState(FlowState other) {
        this.phase = other.phase;
        this.site = other.site;
        this.exec = other.exec;
        this.uncertain = other.uncertain;
        this.values = other.values;
        this.holders = other.holders;
        this.callValues = other.callValues;
        this.callTargets = other.callTargets;
        this.pointsTo = other.pointsTo;
        this.childLocals = other.childLocals;
        this.observers = other.observers;
    }

    static FlowState start(Phase phase) {
        return new FlowState(phase);
    }

    Key key() {
        return new Key(phase, site, exec, uncertain);
    }

    /** A state that changes independently of this one: the maps are shared until either changes. */
    FlowState copy() {
        return new FlowState(this);
    }

    // ---------------------------------------------------------------------------------------
    // integer values

    /** The integer value of a variable or member path: {@link AbstractInt#ANY} when nothing is known. */
    AbstractInt value(Object key) {
        return values.getOrDefault(valueKey(key), AbstractInt.ANY);
    }

    void setValue(Object key, AbstractInt value) {
        values = put(values, valueKey(key), value.isAny() ? null : value);
    }

    /**
     * A global's value under its identity, not its unit's declaration: a helper in another file
     * reads the same object, and a summary specialised on what the caller knows of it
     * ({@code vforked}) must find it there.
     */
    private static Object valueKey(Object key) {
        return key instanceof Variable v && v.storage() == Variable.Storage.GLOBAL ? VforkAnalysis.identity(v) : key;
    }

    /** What the vfork result plus {@code holders.get(key)} is stored in, or null. */
    Long holder(Object key) {
        return holders.get(key);
    }

    boolean holdsResult(Object key) {
        return holders.containsKey(key);
    }

    /** {@code key} now holds the vfork result plus {@code offset}, or (null) does not hold it. */
    void setHolder(Object key, Long offset) {
        holders = put(holders, key, offset);
    }

    /** A new vfork result: no variable holds it yet. */
    void clearHolders() {
        holders = HashTreePMap.empty();
    }

    AbstractInt callValue(Event.Call call) {
        return callValues.getOrDefault(call, AbstractInt.ANY);
    }

    /** The value of a call, or null when the analysis decides nothing about it. */
    AbstractInt knownCallValue(Event.Call call) {
        return callValues.get(call);
    }

    void setCallValue(Event.Call call, AbstractInt value) {
        callValues = put(callValues, call, value);
    }

    // ---------------------------------------------------------------------------------------
    // pointers

    /** What a call's result points into, or null when not recorded. */
    Set<MemoryObject> callTargets(Event.Call call) {
        return callTargets.get(call);
    }

    void setCallTargets(Event.Call call, Set<MemoryObject> targets) {
        callTargets = put(callTargets, call, targets);
    }

    /** What a pointer variable or member path points into, or null for its default. */
    Set<MemoryObject> pointsTo(Object key) {
        return pointsTo.get(key);
    }

    /** {@code key} points into {@code targets}, or (null) its default. */
    void setPointsTo(Object key, Set<MemoryObject> targets) {
        pointsTo = put(pointsTo, key, targets);
    }

    /** The variable is declared again without a value: nothing is known about it. */
    void forget(Object key) {
        values = put(values, valueKey(key), null);
        holders = put(holders, key, null);
        pointsTo = put(pointsTo, key, null);
    }

    /** The child ran on this memory first: what was known of variables may be stale. */
    void forgetVariables() {
        values = HashTreePMap.empty();
        pointsTo = HashTreePMap.empty();
    }

    // ---------------------------------------------------------------------------------------
    // child locals, parent observers

    boolean declaredInChild(Variable v) {
        return childLocals.contains(v);
    }

    void declare(Variable v, boolean inChild) {
        childLocals = inChild ? childLocals.plus(v) : childLocals.minus(v);
    }

    /** A new vfork child: nothing declared in it yet. */
    void clearChildLocals() {
        childLocals = HashTreePSet.empty();
    }

    /** This path is now the parent of {@code site}: nothing overwritten since it returned. */
    void observe(Event.Call site) {
        observers = observers.plus(site, HashTreePSet.empty());
    }

    boolean observesAnySite() {
        return !observers.isEmpty();
    }

    /** For each vfork call whose parent this path is, the variables it stored a new value in since. */
    Map<Event.Call, PSet<Object>> observers() {
        return observers;
    }

    /** The parent has stored a new value in {@code identity}: what any earlier child wrote there is gone. */
    void overwritten(Object identity) {
        PMap<Event.Call, PSet<Object>> result = observers;
        for (Map.Entry<Event.Call, PSet<Object>> e : observers.entrySet()) {
            if (!e.getValue().contains(identity)) {
                result = result.plus(e.getKey(), e.getValue().plus(identity));
            }
        }
        observers = result;
    }

    // ---------------------------------------------------------------------------------------
    // join

    /**
     * Joins {@code other} (of the same key) into this state. Maps both states share (the same
     * object) are skipped: what neither path changed costs nothing.
     *
     * @param widen    drop integer bounds that still move, so loops converge
     * @param defaults what a pointer variable or call result with nothing recorded points into
     *                 whatever the state, or null when that depends on the state: a pointer
     *                 recorded on one path only is joined with it, or else forgotten
     * @return whether this state changed
     */
    boolean join(FlowState other, boolean widen, Function<Object, Set<MemoryObject>> defaults) {
        boolean changed = false;
        if (values != other.values) {
            PMap<Object, AbstractInt> joined = joinValues(values, other.values, widen);
            changed = joined != values;
            values = joined;
        }
        if (holders != other.holders) {
            PMap<Object, Long> joined = holders;
            for (Map.Entry<Object, Long> e : holders.entrySet()) {
                if (!Objects.equals(other.holders.get(e.getKey()), e.getValue())) {
                    joined = joined.minus(e.getKey());
                }
            }
            changed |= joined != holders;
            holders = joined;
        }
        if (callValues != other.callValues) {
            PMap<Event.Call, AbstractInt> joined = joinValues(callValues, other.callValues, false);
            changed |= joined != callValues;
            callValues = joined;
        }
        if (callTargets != other.callTargets) {
            PMap<Event.Call, Set<MemoryObject>> joined = joinTargets(callTargets, other.callTargets, defaults);
            changed |= joined != callTargets;
            callTargets = joined;
        }
        if (pointsTo != other.pointsTo) {
            PMap<Object, Set<MemoryObject>> joined = joinTargets(pointsTo, other.pointsTo, defaults);
            changed |= joined != pointsTo;
            pointsTo = joined;
        }
        if (childLocals != other.childLocals) {
            PSet<Variable> joined = childLocals;
            for (Variable v : childLocals) {
                if (!other.childLocals.contains(v)) {
                    joined = joined.minus(v);
                }
            }
            changed |= joined != childLocals;
            childLocals = joined;
        }
        if (observers != other.observers) {
            PMap<Event.Call, PSet<Object>> joined = observers;
            for (Map.Entry<Event.Call, PSet<Object>> e : other.observers.entrySet()) {
                PSet<Object> mine = observers.get(e.getKey());
                if (mine == null) {
                    joined = joined.plus(e.getKey(), e.getValue());
                } else if (mine != e.getValue()) {
                    PSet<Object> kept = mine;
                    for (Object o : mine) {
                        if (!e.getValue().contains(o)) {
                            kept = kept.minus(o);
                        }
                    }
                    if (kept != mine) {
                        joined = joined.plus(e.getKey(), kept);
                    }
                }
            }
            changed |= joined != observers;
            observers = joined;
        }
        return changed;
    }

    /** Keys known on one path only are dropped: absent means anything. */
    private static <K> PMap<K, AbstractInt> joinValues(PMap<K, AbstractInt> mine, PMap<K, AbstractInt> theirs,
                                                      boolean widen) {
        PMap<K, AbstractInt> result = mine;
        for (Map.Entry<K, AbstractInt> e : mine.entrySet()) {
            AbstractInt other = theirs.get(e.getKey());
            AbstractInt joined = other == null ? null : widen ? e.getValue().widen(other) : e.getValue().join(other);
            if (joined == null || joined.isAny()) {
                result = result.minus(e.getKey());
            } else if (!joined.equals(e.getValue())) {
                result = result.plus(e.getKey(), joined);
            }
        }
        return result;
    }

    /**
     * Joins what pointers point into. A key absent on one path has its default there: joined
     * with it when {@code defaults} knows it, forgotten otherwise (its lookup supplies it). A
     * result equal to the default is not recorded.
     */
    private static <K> PMap<K, Set<MemoryObject>> joinTargets(PMap<K, Set<MemoryObject>> mine,
                                                             PMap<K, Set<MemoryObject>> theirs,
                                                             Function<Object, Set<MemoryObject>> defaults) {
        PMap<K, Set<MemoryObject>> result = mine;
        for (Map.Entry<K, Set<MemoryObject>> e : mine.entrySet()) {
            Set<MemoryObject> other = theirs.get(e.getKey());
            if (other == null) {
                other = defaults.apply(e.getKey());
                if (other == null) {
                    result = result.minus(e.getKey());
                    continue;
                }
            }
            if (other != e.getValue() && !e.getValue().containsAll(other)) {
                Set<MemoryObject> union = union(e.getValue(), other);
                result = union.equals(defaults.apply(e.getKey())) ? result.minus(e.getKey())
                        : result.plus(e.getKey(), union);
            }
        }
        for (Map.Entry<K, Set<MemoryObject>> e : theirs.entrySet()) {
            if (mine.containsKey(e.getKey())) {
                continue;
            }
            Set<MemoryObject> fallback = defaults.apply(e.getKey());
            if (fallback != null && !fallback.containsAll(e.getValue())) {
                result = result.plus(e.getKey(), union(fallback, e.getValue()));
            }
        }
        return result;
    }

    private static Set<MemoryObject> union(Set<MemoryObject> a, Set<MemoryObject> b) {
        Set<MemoryObject> union = new java.util.HashSet<>(a);
        union.addAll(b);
        return Set.copyOf(union);
    }

    /** {@code map} with {@code key} bound to {@code value}, or unbound for null; the same map when nothing changes. */
    private static <K, V> PMap<K, V> put(PMap<K, V> map, K key, V value) {
        if (value == null) {
            return map.containsKey(key) ? map.minus(key) : map;
        }
        return value.equals(map.get(key)) ? map : map.plus(key, value);
    }
}
