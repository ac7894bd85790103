package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.knowledge.FunctionKind;

import java.util.Map;

/** VFK101: the child calls a function that touches state it shares with the parent. */
@CheckedRule(RuleIds.UNSAFE_CALL)
final class UnsafeCallCheck extends VforkChecker implements VforkChecker.ChildCallMatcher {

    @Override
    public void matchChildCall(VforkObservation.ChildCall call, Reporter reporter) {
        if (call.info().kind() == FunctionKind.UNSAFE) {
            reporter.report(call.location(), Map.of("callee", call.call().text(), "reason", call.info().reason()), call);
        }
    }
}
