package io.github.vforklint.finding;

import java.util.List;

/**
 * One way the vfork child reaches a finding: the vfork call whose child runs the code, and the
 * calls from there down to the function holding the finding (empty when it is in the function
 * that called vfork).
 */
public record Chain(Location vfork, List<TraceStep> steps) {

    public Chain {
        steps = List.copyOf(steps);
    }
}
