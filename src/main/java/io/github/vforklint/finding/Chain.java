package io.github.vforklint.finding;

import java.util.List;
import java.util.Objects;

/**
 * One way the vfork child reaches a finding: the vfork call whose child runs the code, and the
 * calls from there down to the function holding the finding (empty when it is in the function
 * that called vfork).
 */
public record Chain(Location vfork, List<TraceStep> steps) {

    public Chain {
        steps = List.copyOf(steps);
    }

    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof Chain other
                && Objects.equals(vfork, other.vfork)
                && Objects.equals(steps, other.steps);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(vfork) + Objects.hashCode(steps);
    }
}
