package io.github.vforklint.analysis;

import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.ir.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the child got to an observed statement: the vfork call (null inside a helper's summary,
 * where the caller fills it in) and the calls from the function that called vfork down to the
 * function holding the statement. {@code reach} holds, for each step, how many functions the
 * called function reaches: the helper-reach limit is applied to it when a summary is imported,
 * so summaries themselves do not depend on any caller's limits. Immutable; its hash is computed
 * once, since summaries keep observations in hash sets and trails are long lists.
 */
public final class Trail {

    public static final Trail HERE = new Trail(null, List.of(), List.of());

    private final Event.Call site;
    private final List<TraceStep> steps;
    private final List<Integer> reach;
    private final int hash;

    public Trail(Event.Call site, List<TraceStep> steps, List<Integer> reach) {
        this.site = site;
        this.steps = List.copyOf(steps);
        this.reach = List.copyOf(reach);
        this.hash = Objects.hash(site == null ? 0 : System.identityHashCode(site), this.steps, this.reach);
    }

    static Trail at(Event.Call site) {
        return new Trail(site, List.of(), List.of());
    }

    /** The vfork call, or null in a helper's summary. */
    public Event.Call site() {
        return site;
    }

    /** The calls from the function that called vfork down to the statement. */
    public List<TraceStep> steps() {
        return steps;
    }

    /** For each step, how many functions its callee reaches. */
    public List<Integer> reach() {
        return reach;
    }

    /** The same trail seen from a caller: one more call in front, and the caller's vfork call. */
    Trail via(TraceStep step, int calleeReach, Event.Call newSite) {
        List<TraceStep> s = new ArrayList<>(steps.size() + 1);
        s.add(step);
        s.addAll(steps);
        List<Integer> r = new ArrayList<>(reach.size() + 1);
        r.add(calleeReach);
        r.addAll(reach);
        return new Trail(newSite, s, r);
    }

    Trail withSite(Event.Call newSite) {
        return new Trail(newSite, steps, reach);
    }

    /** Whether the chain passes the same call twice (a recursive cycle): such a chain adds nothing. */
    boolean repeatsACall() {
        return steps.stream().map(TraceStep::location).distinct().count() < steps.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trail t && t.hash == hash && t.site == site && t.steps.equals(steps) && t.reach.equals(reach);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Trail" + steps;
    }
}
