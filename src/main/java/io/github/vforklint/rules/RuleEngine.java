package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.finding.Location;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs every check over the observations and words the findings from the catalogue. */
public final class RuleEngine {

    private static final List<Check> CHECKS = List.of(new CallChecks(), new MemoryChecks(), new ControlFlowChecks());

    private final RuleCatalogue catalogue;
    private final RuleSelection selection;

    public RuleEngine(RuleCatalogue catalogue, RuleSelection selection) {
        this.catalogue = catalogue;
        this.selection = selection;
    }

    /** Every rule id some check can raise. */
    public static Set<String> implementedRuleIds() {
        Set<String> ids = new HashSet<>();
        CHECKS.forEach(c -> ids.addAll(c.ruleIds()));
        ids.add(RuleIds.UNUSED_SUPPRESSION);
        return ids;
    }

    /** Findings for everything a scan observed. */
    public List<Finding> findings(AnalysisResult result) {
        return findings(result.all(VforkObservation.class), result::configurationOf);
    }

    /** Findings for these observations, each (rule, location) once, the first cause winning. */
    public List<Finding> findings(List<VforkObservation> observations) {
        return findings(observations, o -> null);
    }

    /**
     * Findings for these observations, each (rule, location) once, the first cause winning; a
     * finding that also holds in the configuration the options describe carries no configuration.
     */
    private List<Finding> findings(List<VforkObservation> observations,
                                   java.util.function.Function<VforkObservation, String> configurationOf) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        FindingSink sink = new FindingSink() {
            @Override
            public void report(String ruleId, Location at, Map<String, String> values, VforkObservation cause) {
                RuleDefinition rule = catalogue.get(ruleId);
                add(rule, rule.severity(), rule.message(), at, values, cause);
            }

            @Override
            public void report(String ruleId, String variant, Location at, Map<String, String> values,
                               VforkObservation cause) {
                RuleDefinition rule = catalogue.get(ruleId);
                RuleDefinition.Variant wording = rule.variants().get(variant);
                if (wording == null) {
                    throw new IllegalStateException(ruleId + " has no variant '" + variant + "' in its document");
                }
                add(rule, wording.severity(), wording.message(), at, values, cause);
            }

            private void add(RuleDefinition rule, Severity severity, String template, Location at,
                             Map<String, String> values, VforkObservation cause) {
                if (!selection.enabled(rule)) {
                    return;
                }
                String key = rule.id() + "@" + at.path() + ":" + at.line() + ":" + at.column();
                String configuration = configurationOf.apply(cause);
                Finding before = unique.get(key);
                if (before != null && (before.configuration() == null || configuration != null)) {
                    return;
                }
                unique.put(key, new Finding(rule.id(), rule.name(), severity, at, word(template, at, values),
                        cause.site() == null ? null : cause.site().location(), cause.chain(), configuration));
            }
        };
        for (VforkObservation o : observations) {
            for (Check check : CHECKS) {
                check.check(o, sink);
            }
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * A finding of a rule raised outside the checks (VFK001, by the suppression step), worded from
     * the catalogue; empty when the selection turns the rule off.
     */
    public Optional<Finding> finding(String ruleId, Location at, Map<String, String> values) {
        RuleDefinition rule = catalogue.get(ruleId);
        if (!selection.enabled(rule)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(rule.id(), rule.name(), rule.severity(), at, word(rule.message(), at, values),
                null, List.of()));
    }

    private static String word(String template, Location at, Map<String, String> values) {
        String message = MessageTemplate.format(template, new HashMap<>(values));
        return at.macro() == null ? message : message + " (via macro " + at.macro() + ")";
    }
}
