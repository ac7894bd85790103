package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;

import java.util.Set;

/**
 * One JVM rule's check (the JVM front end's observations in analysis.jvm, which stand alone: no
 * vfork site, no call chain). The class names its rule with {@link CheckedRule}; it reads the
 * immutable analysis result and reports through a sink bound to nothing but the catalogue.
 */
abstract class JvmCheck {

    final String ruleId() {
        CheckedRule rule = getClass().getAnnotation(CheckedRule.class);
        if (rule == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " lacks @CheckedRule");
        }
        return rule.value();
    }

    final Set<String> ruleIds() {
        return Set.of(ruleId());
    }

    abstract void check(AnalysisResult result, JvmFindingSink sink);
}
