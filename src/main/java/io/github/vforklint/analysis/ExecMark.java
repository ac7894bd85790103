package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;

/** An exec call the child has passed, so it is now on the exec's failure path; {@code trail} leads to it. */
record ExecMark(Event.Call exec, Trail trail) {
}
