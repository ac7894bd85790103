package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.knowledge.FunctionKind;

import java.util.Map;

/** VFK102: exit() and friends in the child run the parent's atexit handlers. */
@CheckedRule(RuleIds.EXIT_IN_CHILD)
final class ExitInChildCheck extends VforkChecker implements VforkChecker.ChildCallMatcher {

    @Override
    public void matchChildCall(VforkObservation.ChildCall call, Reporter reporter) {
        if (call.info().kind() == FunctionKind.TERMINATE_RUNNING_HANDLERS) {
            reporter.report(call.location(), Map.of("callee", call.call().text()), call);
        }
    }
}
