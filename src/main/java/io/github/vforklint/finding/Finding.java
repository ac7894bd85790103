package io.github.vforklint.finding;


import java.util.Comparator;
import java.util.List;

/**
 * One rule violation.
 *
 * @param vfork  the vfork call whose child runs the offending code (that of the first chain)
 * @param trace  the calls from the vfork site to the function holding {@code location}, for the
 *               first chain; empty when the finding is in the function that called vfork
 * @param chains every way the child reaches the finding, in a stable order: one unsafe statement
 *               reached from five call sites is one finding with five chains. Never empty when
 *               {@code vfork} is set.
 * @param configuration the preprocessor configuration the finding holds in ("BB_MMU is 0") when it
 *               is not the one the options describe; null for that one
 */
public record Finding(String ruleId, String ruleName, Severity severity, Location location, String message,
                      Location vfork, List<TraceStep> trace, List<Chain> chains, String configuration) {

    public Finding {
        trace = List.copyOf(trace);
        chains = chains == null || chains.isEmpty()
                ? (vfork == null ? List.of() : List.of(new Chain(vfork, trace))) : List.copyOf(chains);
    }

    /** A finding reached one way only, in the configuration the options describe. */
    public Finding(String ruleId, String ruleName, Severity severity, Location location, String message,
                   Location vfork, List<TraceStep> trace) {
        this(ruleId, ruleName, severity, location, message, vfork, trace, List.of(), null);
    }

    /** Output order: path, line, column, rule; stable whatever the number of threads. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().path())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, ruleName, newSeverity, location, message, vfork, trace, chains, configuration);
    }
}
