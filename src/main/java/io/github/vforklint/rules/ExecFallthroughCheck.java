package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;

import java.util.Map;

/** VFK105: after a failed exec the child goes on without _exit. */
@CheckedRule(RuleIds.EXEC_FALLTHROUGH)
final class ExecFallthroughCheck extends VforkChecker implements VforkChecker.ExecFallthroughMatcher {

    @Override
    public void matchExecFallthrough(VforkObservation.ExecFallthrough fallthrough, Reporter reporter) {
        reporter.report(fallthrough.location(),
                Map.of("exec", fallthrough.exec().text(), "function", fallthrough.function()), fallthrough);
    }
}
