package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;

import java.util.Map;

/** VFK106 (strict): any call other than exec and _exit, which POSIX leaves undefined. */
@CheckedRule(RuleIds.NONEXEC_CALL)
final class NonexecCallCheck extends VforkChecker implements VforkChecker.ChildCallMatcher {

    @Override
    public void matchChildCall(VforkObservation.ChildCall call, Reporter reporter) {
        boolean report = switch (call.info().kind()) {
            case ASYNC_SIGNAL_SAFE, PURE -> true;
            // Its contents are checked where they are; strict POSIX still forbids the call itself.
            case UNKNOWN -> call.hasBody() && !call.notFollowed();
            default -> false;
        };
        if (report) {
            reporter.report(call.location(), Map.of("callee", call.call().text()), call);
        }
    }
}
