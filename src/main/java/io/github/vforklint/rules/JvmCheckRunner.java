package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.finding.Finding;

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
            // As for the C checks: a variant limited to some profiles is off in the others.
            selection.wording(rule, variant).ifPresent(wording -> unique.putIfAbsent(rule.id() + "@" + at,
                    new Finding(rule.id(), rule.name(), wording.severity(), at,
                            MessageTemplate.format(wording.template(), values), related, List.of())));
        };
        for (JvmCheck check : CHECKS) {
            check.check(result, sink);
        }
        return new ArrayList<>(unique.values());
    }
}
