package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.finding.Location;

import java.util.Map;

/**
 * One rule's check, in the shape of Error Prone's BugChecker: the class names its rule with
 * {@link CheckedRule}, implements a matcher interface for each kind of observation it judges, and
 * reports through a {@link Reporter} bound to its rule. Checks keep no state: they read the
 * immutable analysis result, one observation at a time.
 */
abstract class VforkChecker {

    final String ruleId() {
        CheckedRule rule = getClass().getAnnotation(CheckedRule.class);
        if (rule == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " lacks @CheckedRule");
        }
        return rule.value();
    }

    /** Where a check reports; the engine words, filters and groups. */
    interface Reporter {

        void report(Location at, Map<String, String> values, VforkObservation cause);

        /** Reports with one of the rule's {@code variants}: its own wording, level and profiles. */
        void report(String variant, Location at, Map<String, String> values, VforkObservation cause);
    }

    interface ChildCallMatcher {
        void matchChildCall(VforkObservation.ChildCall call, Reporter reporter);
    }

    interface ParentMemoryWriteMatcher {
        void matchParentMemoryWrite(VforkObservation.ParentMemoryWrite write, Reporter reporter);
    }

    interface CloneArgumentWriteMatcher {
        void matchCloneArgumentWrite(VforkObservation.CloneArgumentWrite write, Reporter reporter);
    }

    interface ChildReturnMatcher {
        void matchChildReturn(VforkObservation.ChildReturn ret, Reporter reporter);
    }

    interface ExecFallthroughMatcher {
        void matchExecFallthrough(VforkObservation.ExecFallthrough fallthrough, Reporter reporter);
    }

    interface ParentReadMatcher {
        void matchParentRead(VforkObservation.ParentRead read, Reporter reporter);
    }
}
