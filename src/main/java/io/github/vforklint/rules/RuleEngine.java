package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.finding.Chain;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Location;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.finding.TraceStep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs every check over an analysis result and words the findings from the catalogue. What the
 * checks report at one place for one rule is one finding, with every chain that reaches it.
 */
public final class RuleEngine {

    private static final List<VforkChecker> CHECKERS = List.of(new UnsafeCallCheck(), new ExitInChildCheck(),
            new ReturnInChildCheck(), new ParentMemoryWriteCheck(), new ExecFallthroughCheck(), new NonexecCallCheck(),
            new PathSearchExecCheck(), new UnknownCallCheck(), new ParentReadsChildWriteCheck());

    private static final Comparator<Chain> CHAIN_ORDER = Comparator
            .comparing((Chain c) -> c.vfork() == null ? "" : c.vfork().path())
            .thenComparingInt(c -> c.vfork() == null ? 0 : c.vfork().line())
            .thenComparingInt(c -> c.vfork() == null ? 0 : c.vfork().column())
            .thenComparingInt(c -> c.steps().size())
            .thenComparing(c -> stepsKey(c.steps()));

    private final RuleCatalogue catalogue;
    private final RuleSelection selection;

    public RuleEngine(RuleCatalogue catalogue, RuleSelection selection) {
        this.catalogue = catalogue;
        this.selection = selection;
    }

    /** Every rule id some check can raise. */
    public static Set<String> implementedRuleIds() {
        Set<String> ids = new HashSet<>();
        CHECKERS.forEach(c -> ids.add(c.ruleId()));
        JvmCheckRunner.CHECKS.forEach(c -> ids.addAll(c.ruleIds()));
        ids.add(RuleIds.UNUSED_SUPPRESSION);
        return ids;
    }

    /** The findings of a scan, sorted ({@link Finding#ORDER}); the same for any order of the observations. */
    public List<Finding> findings(AnalysisResult result) {
        List<Finding> findings = findings(result.all(VforkObservation.class), result::configurationOf);
        findings.addAll(JvmCheckRunner.findings(catalogue, selection, result));
        findings.sort(Finding.ORDER);
        return findings;
    }

    /**
     * One worded report of a check, before grouping; {@code configuration} is the preprocessor
     * configuration its observation was made in, null for the one the options describe.
     */
    private record Report(RuleDefinition rule, Severity severity, Location at, String message, Chain chain,
                          String configuration) {
    }

    private List<Finding> findings(List<VforkObservation> observations,
                                   java.util.function.Function<VforkObservation, String> configurationOf) {
        Map<String, List<Report>> byPlace = new TreeMap<>();
        Map<Wording, String> worded = new HashMap<>();
        for (VforkObservation o : observations) {
            for (VforkChecker checker : CHECKERS) {
                dispatch(o, checker, reporter(checker.ruleId(), byPlace, worded, configurationOf));
            }
        }
        List<Finding> result = new ArrayList<>();
        for (List<Report> reports : byPlace.values()) {
            result.add(group(reports));
        }
        return result;
    }

    private static void dispatch(VforkObservation o, VforkChecker checker, VforkChecker.Reporter reporter) {
        if (o instanceof VforkObservation.ChildCall call && checker instanceof VforkChecker.ChildCallMatcher m) {
            m.matchChildCall(call, reporter);
        } else if (o instanceof VforkObservation.ParentMemoryWrite write
                && checker instanceof VforkChecker.ParentMemoryWriteMatcher m) {
            m.matchParentMemoryWrite(write, reporter);
        } else if (o instanceof VforkObservation.CloneArgumentWrite write
                && checker instanceof VforkChecker.CloneArgumentWriteMatcher m) {
            m.matchCloneArgumentWrite(write, reporter);
        } else if (o instanceof VforkObservation.ChildReturn ret && checker instanceof VforkChecker.ChildReturnMatcher m) {
            m.matchChildReturn(ret, reporter);
        } else if (o instanceof VforkObservation.ExecFallthrough f && checker instanceof VforkChecker.ExecFallthroughMatcher m) {
            m.matchExecFallthrough(f, reporter);
        } else if (o instanceof VforkObservation.ParentRead read && checker instanceof VforkChecker.ParentReadMatcher m) {
            m.matchParentRead(read, reporter);
        }
    }

    /**
     * What decides a report's words: a place reached through many chains is reported once per
     * chain (busybox: 1,864 reports, 83 different messages), and each is worded only once.
     */
    private record Wording(String template, Map<String, String> values, String macro) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Wording other
                    && Objects.equals(template, other.template)
                    && Objects.equals(values, other.values)
                    && Objects.equals(macro, other.macro);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(template);
            h = 31 * h + Objects.hashCode(values);
            h = 31 * h + Objects.hashCode(macro);
            return h;
        }
    }

    private VforkChecker.Reporter reporter(String ruleId, Map<String, List<Report>> byPlace, Map<Wording, String> worded,
                                           java.util.function.Function<VforkObservation, String> configurationOf) {
        return new VforkChecker.Reporter() {
            @Override
            public void report(Location at, Map<String, String> values, VforkObservation cause) {
                report(null, at, values, cause);
            }

            @Override
            public void report(String variant, Location at, Map<String, String> values, VforkObservation cause) {
                RuleDefinition rule = catalogue.get(ruleId);
                selection.wording(rule, variant)
                        .ifPresent(w -> add(rule, w.severity(), w.template(), at, values, cause));
            }

            private void add(RuleDefinition rule, Severity severity, String template, Location at,
                             Map<String, String> values, VforkObservation cause) {
                Chain chain = cause.site() == null ? null : new Chain(cause.site().location(), cause.chain());
                String key = at.sortKey() + "\u0000" + rule.id();
                byPlace.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Report(rule, severity, at, worded.computeIfAbsent(new Wording(template, new HashMap<>(values), at.macro()),
                                w -> word(template, at, values)), chain, configurationOf.apply(cause)));
            }
        };
    }

    /**
     * The reports of one rule at one place: the weightiest wording, every chain. When some were
     * made in the configuration the options describe, the finding is theirs alone and names no
     * configuration; otherwise it names the first configuration (in text order) it was made in.
     */
    private static Finding group(List<Report> all) {
        List<Report> everyday = all.stream().filter(r -> r.configuration() == null).toList();
        List<Report> reports = everyday.isEmpty() ? all : everyday;
        String configuration = everyday.isEmpty()
                ? all.stream().map(Report::configuration).sorted().findFirst().orElse(null) : null;
        Report lead = reports.get(0);
        Set<Chain> chains = new LinkedHashSet<>();
        for (Report r : reports) {
            if (r.severity().compareTo(lead.severity()) > 0
                    || r.severity() == lead.severity() && r.message().compareTo(lead.message()) < 0) {
                lead = r;
            }
            if (r.chain() != null) {
                chains.add(r.chain());
            }
        }
        List<Chain> sorted = new ArrayList<>(chains);
        sorted.sort(CHAIN_ORDER);
        Chain first = sorted.isEmpty() ? null : sorted.get(0);
        return new Finding(lead.rule().id(), lead.rule().name(), lead.severity(), lead.at(), lead.message(),
                first == null ? null : first.vfork(), first == null ? List.of() : first.steps(), sorted, configuration);
    }

    private static String stepsKey(List<TraceStep> steps) {
        StringBuilder key = new StringBuilder();
        for (TraceStep s : steps) {
            key.append(s.location().sortKey()).append('/');
        }
        return key.toString();
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
