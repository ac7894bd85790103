package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.knowledge.FunctionKind;

import java.util.Map;

/** VFK107: execvp and friends search PATH in the child. */
@CheckedRule(RuleIds.PATH_SEARCH_EXEC)
final class PathSearchExecCheck extends VforkChecker implements VforkChecker.ChildCallMatcher {

    @Override
    public void matchChildCall(VforkObservation.ChildCall call, Reporter reporter) {
        if (call.info().kind() == FunctionKind.EXEC && call.info().searchesPath()) {
            reporter.report(call.location(), Map.of("exec", call.call().text()), call);
        }
    }
}
