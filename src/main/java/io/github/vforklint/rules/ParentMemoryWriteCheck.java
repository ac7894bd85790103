package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;

import java.util.Map;

/**
 * VFK104: the child writes memory the parent owns. A local of the function that called vfork
 * which the parent never reads again is only a note, in the strict profile; a global the parent
 * restores as soon as vfork returns is a warning (its other threads still see the child's value).
 */
@CheckedRule(RuleIds.PARENT_MEMORY_WRITE)
final class ParentMemoryWriteCheck extends VforkChecker implements VforkChecker.ParentMemoryWriteMatcher {

    @Override
    public void matchParentMemoryWrite(VforkObservation.ParentMemoryWrite write, Reporter reporter) {
        if (write.parameter() >= 0) {
            // still to be resolved by a caller: not a finding on its own
            return;
        }
        switch (write.kind()) {
            case ENVIRONMENT -> reporter.report("environment", write.location(), Map.of("callee", write.callee()), write);
            case LIBRARY -> reporter.report(switch (write.seen()) {
                case BY_PARENT -> "library";
                case NEVER -> "library-unobservable";
                case UNTIL_RESTORED -> "library-restored";
            }, write.location(), Map.of("callee", write.callee(), "variable", write.target(), "function", write.function()), write);
            case ASSIGNMENT -> {
                switch (write.seen()) {
                    case BY_PARENT -> reporter.report(write.location(), Map.of("variable", write.target()), write);
                    case NEVER -> reporter.report("unobservable", write.location(),
                            Map.of("variable", write.target(), "function", write.function()), write);
                    case UNTIL_RESTORED -> reporter.report("restored", write.location(),
                            Map.of("variable", write.target(), "function", write.function()), write);
                }
            }
        }
    }
}
