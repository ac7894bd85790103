package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;

import java.util.Map;
import java.util.Set;

/** The child leaving the vfork caller's frame: returning, or surviving a failed exec without _exit. */
final class ControlFlowChecks implements Check {

    @Override
    public Set<String> ruleIds() {
        return Set.of(RuleIds.RETURN_IN_CHILD, RuleIds.EXEC_FALLTHROUGH);
    }

    @Override
    public void check(VforkObservation observation, FindingSink sink) {
        if (observation instanceof VforkObservation.ChildReturn ret) {
            sink.report(RuleIds.RETURN_IN_CHILD, ret.location(), Map.of("function", ret.function()), ret);
        } else if (observation instanceof VforkObservation.ExecFallthrough fallthrough) {
            sink.report(RuleIds.EXEC_FALLTHROUGH, fallthrough.location(),
                    Map.of("exec", fallthrough.exec().text(), "function", fallthrough.function()), fallthrough);
        }
    }
}
