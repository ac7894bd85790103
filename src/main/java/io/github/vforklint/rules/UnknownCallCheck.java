package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.knowledge.FunctionKind;
import io.github.vforklint.knowledge.NameSpelling;

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
        } else if (!call.hasBody() && !call.call().isIndirect() && spelledLikeAMacro(call.call().callee())) {
            reporter.report("unknown-macro", call.location(), Map.of("callee", call.call().text()), call);
        } else if (!call.hasBody()) {
            reporter.report(call.location(), Map.of("callee", call.call().text()), call);
        }
    }

    /**
     * ARRAY_SIZE, TRACE: spelled as C macros are, and not a name reserved to the C library
     * ({@code __FOO}). Called as a function, it is a macro whose header the scan did not read, more
     * likely than a function so named.
     */
    static boolean spelledLikeAMacro(String name) {
        return name != null && name.length() > 1 && !NameSpelling.reserved(name) && NameSpelling.capitalised(name);
    }
}
