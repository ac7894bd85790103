package io.github.vforklint.finding;

import java.util.Objects;


/** One step of the path from the vfork call to a finding: a call made in {@code function} at {@code location}. */
public record TraceStep(Location location, String function) {
    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof TraceStep other
                && Objects.equals(location, other.location)
                && Objects.equals(function, other.function);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(location) + Objects.hashCode(function);
    }
}
