package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import java.util.Objects;

/** An exec call the child has passed, so it is now on the exec's failure path; {@code trail} leads to it. */
record ExecMark(Event.Call exec, Trail trail) {
    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof ExecMark other
                && Objects.equals(exec, other.exec)
                && Objects.equals(trail, other.trail);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(exec) + Objects.hashCode(trail);
    }
}
