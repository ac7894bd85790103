package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.knowledge.FunctionKind;

import java.util.Map;

/**
 * VFK108: a call vforklint cannot see into, or one it did not follow because the helper reaches
 * more functions than --max-helper-reach allows that deep in the child.
 */
@CheckedRule(RuleIds.UNKNOWN_CALL)
final class UnknownCallCheck extends VforkChecker implements VforkChecker.ChildCallMatcher {

    @Override
    public void matchChildCall(VforkObservation.ChildCall call, Reporter reporter) {
        if (call.info().kind() != FunctionKind.UNKNOWN) {
            return;
        }
        if (call.notFollowed()) {
            reporter.report("not-followed", call.location(),
                    Map.of("callee", call.call().text(), "reach", String.valueOf(call.calleeReach())), call);
        } else if (!call.hasBody()) {
            reporter.report(call.location(), Map.of("callee", call.call().text()), call);
        }
    }
}
