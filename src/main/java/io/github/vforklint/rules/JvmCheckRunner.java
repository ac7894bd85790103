package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the JVM checks and words their findings from the catalogue, each (rule, place) once. */
final class JvmCheckRunner {

    static final List<JvmCheck> CHECKS = List.of(new LaunchMechanismVforkCheck(), new InvalidLaunchMechanismCheck(),
            new LateLaunchMechanismCheck(), new JdkInternalLaunchCheck(), new NativeForkCheck(), new NativeVforkCheck(),
            new JavaInForkedChildCheck());

    private JvmCheckRunner() {
    }

    static List<Finding> findings(RuleCatalogue catalogue, RuleSelection selection, AnalysisResult result) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        JvmFindingSink sink = (ruleId, variant, at, values, related) -> {
            RuleDefinition rule = catalogue.get(ruleId);
            Severity severity = rule.severity();
            String template = rule.message();
            RuleDefinition.Variant wording = null;
            if (variant != null) {
                wording = rule.variants().get(variant);
                if (wording == null) {
                    throw new IllegalStateException(ruleId + " has no variant '" + variant + "' in its document");
                }
                severity = wording.severity();
                template = wording.message();
            }
            // As for the C checks: a variant limited to some profiles is off in the others.
            if (wording == null ? !selection.enabled(rule) : !selection.enabled(rule, wording)) {
                return;
            }
            String key = rule.id() + "@" + at.path() + ":" + at.line() + ":" + at.column();
            unique.putIfAbsent(key, new Finding(rule.id(), rule.name(), severity, at,
                    MessageTemplate.format(template, values), related, List.of()));
        };
        for (JvmCheck check : CHECKS) {
            check.check(result, sink);
        }
        return new ArrayList<>(unique.values());
    }
}
