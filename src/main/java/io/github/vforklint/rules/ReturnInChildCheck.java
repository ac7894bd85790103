package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;

import java.util.Map;

/** VFK103: the child returns from the function that called vfork. */
@CheckedRule(RuleIds.RETURN_IN_CHILD)
final class ReturnInChildCheck extends VforkChecker implements VforkChecker.ChildReturnMatcher {

    @Override
    public void matchChildReturn(VforkObservation.ChildReturn ret, Reporter reporter) {
        reporter.report(ret.location(), Map.of("function", ret.function()), ret);
    }
}
