package io.github.vforklint.analysis;

import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.ir.Event;

import java.util.List;

/** An exec call the child has passed, so it is now on the exec's failure path. */
record ExecMark(Event.Call exec, List<TraceStep> chain) {
}
