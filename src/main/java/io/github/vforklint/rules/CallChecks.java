package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.knowledge.FunctionInfo;

import java.util.Map;
import java.util.Set;

/** What the child calls: unsafe functions, exit(), PATH-searching exec, unknown functions, and (strict) anything else. */
final class CallChecks implements Check {

    @Override
    public Set<String> ruleIds() {
        return Set.of(RuleIds.UNSAFE_CALL, RuleIds.EXIT_IN_CHILD, RuleIds.NONEXEC_CALL,
                RuleIds.PATH_SEARCH_EXEC, RuleIds.UNKNOWN_CALL);
    }

    @Override
    public void check(VforkObservation observation, FindingSink sink) {
        if (!(observation instanceof VforkObservation.ChildCall call)) {
            return;
        }
        FunctionInfo info = call.info();
        String callee = call.call().text();
        switch (info.kind()) {
            case TERMINATE, VFORK -> {
            }
            case TERMINATE_RUNNING_HANDLERS ->
                    sink.report(RuleIds.EXIT_IN_CHILD, call.location(), Map.of("callee", callee), call);
            case EXEC -> {
                if (info.searchesPath()) {
                    sink.report(RuleIds.PATH_SEARCH_EXEC, call.location(), Map.of("exec", callee), call);
                }
            }
            case UNSAFE -> sink.report(RuleIds.UNSAFE_CALL, call.location(),
                    Map.of("callee", callee, "reason", info.reason()), call);
            case ASYNC_SIGNAL_SAFE, PURE ->
                    sink.report(RuleIds.NONEXEC_CALL, call.location(), Map.of("callee", callee), call);
            case UNKNOWN -> {
                if (call.hasBody()) {
                    // Its contents are checked where they are; strict POSIX still forbids the call itself.
                    sink.report(RuleIds.NONEXEC_CALL, call.location(), Map.of("callee", callee), call);
                } else {
                    sink.report(RuleIds.UNKNOWN_CALL, call.location(), Map.of("callee", callee), call);
                }
            }
        }
    }
}
