package io.github.vforklint.analysis;

import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.ir.Event;
import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.Variable;
import io.github.vforklint.knowledge.FunctionInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Something the child (or, for {@link ParentRead}, the parent) does that a rule may care about.
 * {@code site} is the vfork call; {@code chain} the calls from the function that called vfork
 * down to where this happens (empty when it happens in that function).
 */
public sealed interface VforkObservation extends Observation {

    Event.Call site();

    List<TraceStep> chain();

    /** Where the observed code is. */
    Location location();

    /** The same observation seen from a caller: one more call in front of the chain. */
    VforkObservation via(TraceStep step, Event.Call newSite);

    /** A call the child makes. {@code hasBody}: the callee is defined in the scanned code and was analysed. */
    record ChildCall(Event.Call call, FunctionInfo info, boolean hasBody, Event.Call site, List<TraceStep> chain)
            implements VforkObservation {
        public Location location() {
            return call.location();
        }

        public VforkObservation via(TraceStep step, Event.Call newSite) {
            return new ChildCall(call, info, hasBody, newSite, prepend(step, chain));
        }
    }

    /**
     * The child writes memory the parent owns. {@code variable} is the written variable when the
     * write is to (part of) one. {@code parameter} is the index of the function's pointer
     * parameter the memory is reached through, or -1: whether such a write reaches the parent
     * depends on what each caller passes, so callers decide.
     */
    record ParentMemoryWrite(Event.Write write, Variable variable, int parameter, Event.Call site,
                             List<TraceStep> chain) implements VforkObservation {
        public Location location() {
            return write.location();
        }

        public VforkObservation via(TraceStep step, Event.Call newSite) {
            return new ParentMemoryWrite(write, variable, parameter, newSite, prepend(step, chain));
        }

        ParentMemoryWrite throughParameter(int index) {
            return new ParentMemoryWrite(write, variable, index, site, chain);
        }

        /** The same write, known to land in {@code written} (the caller passed {@code &written}). */
        ParentMemoryWrite into(Variable written) {
            return new ParentMemoryWrite(write, written, parameter, site, chain);
        }
    }

    /**
     * A {@code clone(fn, stack, CLONE_VM | CLONE_VFORK, arg)} child writes memory reached through
     * {@code arg}: shared with the parent by design, but only where CLONE_VM is honoured.
     */
    record CloneArgumentWrite(Event.Write write, Event.Call site, List<TraceStep> chain) implements VforkObservation {
        public Location location() {
            return write.location();
        }

        public VforkObservation via(TraceStep step, Event.Call newSite) {
            return new CloneArgumentWrite(write, newSite, prepend(step, chain));
        }
    }

    /** The child returns from the function that called vfork. */
    record ChildReturn(Location location, String function, Event.Call site) implements VforkObservation {
        public List<TraceStep> chain() {
            return List.of();
        }

        public VforkObservation via(TraceStep step, Event.Call newSite) {
            return this;
        }
    }

    /** After {@code exec} fails, the child returns ({@code intoParentCode} false) or runs on into the parent's code. */
    record ExecFallthrough(Event.Call exec, boolean intoParentCode, String function, Event.Call site,
                           List<TraceStep> chain) implements VforkObservation {
        public Location location() {
            return exec.location();
        }

        public VforkObservation via(TraceStep step, Event.Call newSite) {
            return new ExecFallthrough(exec, intoParentCode, function, newSite, prepend(step, chain));
        }
    }

    /** After the child ran, the parent reads a variable the child wrote at {@code childWrite}. */
    record ParentRead(Event.Read read, Location childWrite, Event.Call site) implements VforkObservation {
        public Location location() {
            return read.location();
        }

        public List<TraceStep> chain() {
            return List.of();
        }

        public VforkObservation via(TraceStep step, Event.Call newSite) {
            return this;
        }
    }

    /**
     * One observation per kind and place, the first one kept: a helper reached along many paths
     * observes the same statement once per path, and summaries nest, so without this their size
     * grows with the number of paths (exponentially in the depth of a call tree).
     */
    static List<VforkObservation> distinct(java.util.Collection<VforkObservation> observations) {
        java.util.Map<DistinctKey, VforkObservation> first = new java.util.LinkedHashMap<>();
        for (VforkObservation o : observations) {
            first.putIfAbsent(new DistinctKey(o.getClass(), o.location(),
                    o instanceof ParentMemoryWrite w ? w.parameter() : o instanceof ExecFallthrough f && f.intoParentCode() ? 1 : 0), o);
        }
        return List.copyOf(first.values());
    }

    /** What makes two observations the same for reporting: their kind and place. */
    record DistinctKey(Class<?> kind, Location location, int detail) {
    }

    private static List<TraceStep> prepend(TraceStep step, List<TraceStep> chain) {
        List<TraceStep> result = new ArrayList<>(chain.size() + 1);
        result.add(step);
        result.addAll(chain);
        return List.copyOf(result);
    }
}
