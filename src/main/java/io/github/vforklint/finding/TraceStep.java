package io.github.vforklint.finding;


/** One step of the path from the vfork call to a finding: a call made in {@code function} at {@code location}. */
public record TraceStep(Location location, String function) {
}
