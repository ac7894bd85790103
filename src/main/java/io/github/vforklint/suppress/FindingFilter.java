package io.github.vforklint.suppress;

import io.github.vforklint.baseline.Baseline;
import io.github.vforklint.baseline.BaselineEntry;
import io.github.vforklint.baseline.FindingFingerprints;
import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleEngine;
import io.github.vforklint.rules.RuleIds;
import io.github.vforklint.rules.RuleSelection;
import io.github.vforklint.scan.ScanOptions;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.source.SourceText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The step between a scan and its report, the same for the command line and the build plugins:
 * applies per-rule severities, inline suppression comments (reporting broken and unused ones as
 * VFK001), and a baseline. Call {@link #apply} with what {@code Scanner.scan} returned.
 */
public final class FindingFilter {

    /**
     * @param paths          where findings' files are, and the source root baseline paths are relative to
     * @param requireReason  a suppression without a {@code -- reason} is a VFK001 error
     * @param severities     per-rule severity overrides, by rule id
     * @param baseline       findings to leave out as known, or null
     * @param baselineSource how to name the baseline in messages (its file)
     * @param recordBaseline make a baseline of every remaining finding, and leave them all out
     */
    public record Settings(ProjectPaths paths, boolean requireReason,
                           Map<String, Severity> severities, Baseline baseline, String baselineSource,
                           boolean recordBaseline) {

        public Settings {
            severities = Map.copyOf(severities);
        }

        public static Settings defaults(ProjectPaths paths) {
            return new Settings(paths, false, Map.of(), null, null, false);
        }
    }

    private final RuleCatalogue catalogue;
    private final RuleSelection selection;
    private final RuleEngine engine;
    private final Settings settings;

    /** @throws IllegalArgumentException for options that name unknown rules, as the scanner does */
    public FindingFilter(RuleCatalogue catalogue, ScanOptions options, Settings settings) {
        this.catalogue = catalogue;
        this.selection = RuleSelection.of(catalogue, options.profile(), options.select(), options.ignore());
        this.engine = new RuleEngine(catalogue, selection);
        this.settings = settings;
    }

    public FilteredResult apply(ScanResult scan) {
        ProjectPaths paths = settings.paths();
        Map<Path, FileSuppressions> byFile = readSuppressions(scan);

        List<Finding> active = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (Finding scanned : scan.findings()) {
            Finding f = withConfiguredSeverity(scanned);
            FileSuppressions file = byFile.get(paths.file(f.location().path()));
            Optional<Suppression> s = file == null ? Optional.empty() : file.suppress(f);
            if (s.isPresent()) {
                suppressed.add(new SuppressedFinding(f, s.get()));
            } else {
                active.add(f);
            }
        }
        active.addAll(suppressionProblems(scan, byFile));

        FindingFingerprints fingerprints = new FindingFingerprints(paths);
        List<BaselineEntry> stale = List.of();
        Baseline recorded = null;
        List<SuppressedFinding> all = new ArrayList<>(suppressed);
        if (settings.recordBaseline()) {
            recorded = Baseline.of(active, fingerprints);
            for (Finding f : active) {
                all.add(new SuppressedFinding(f, new Suppression(Suppression.Kind.BASELINE,
                        "recorded in the new baseline", null, settings.baselineSource())));
            }
            active = List.of();
        } else if (settings.baseline() != null) {
            Baseline.Match match = settings.baseline().match(active, fingerprints);
            for (Finding f : match.known()) {
                all.add(new SuppressedFinding(f, new Suppression(Suppression.Kind.BASELINE,
                        "accepted in baseline " + settings.baselineSource(), null, settings.baselineSource())));
            }
            active = match.fresh();
            stale = match.stale();
        }

        List<Finding> sorted = new ArrayList<>(active);
        sorted.sort(Finding.ORDER);
        all.sort((a, b) -> Finding.ORDER.compare(a.finding(), b.finding()));
        List<Diagnostic> diagnostics = new ArrayList<>(scan.diagnostics());
        for (BaselineEntry e : stale) {
            diagnostics.add(new Diagnostic(e.path(), 0, Diagnostic.Kind.INFO, staleMessage(e)));
        }
        diagnostics.sort(Diagnostic.ORDER);
        ScanResult result = scan.with(List.copyOf(sorted), List.copyOf(diagnostics));
        return new FilteredResult(result, all, stale, recorded, fingerprints);
    }

    private String staleMessage(BaselineEntry e) {
        String what = e.count() == 1 ? "entry" : e.count() + " entries";
        String function = e.function() == null || e.function().isEmpty() ? "" : " in " + e.function() + "()";
        return "baseline " + what + " for " + e.rule() + function + " (`" + e.code() + "`) in "
                + settings.baselineSource() + " matches no finding any more (fixed or changed); "
                + "rewrite the baseline with --write-baseline to drop it";
    }

    private Finding withConfiguredSeverity(Finding f) {
        Severity s = settings.severities().get(f.ruleId());
        return s == null || s == f.severity() ? f : f.withSeverity(s);
    }

    /**
     * Words, in any case, a scan is asked to find in the pass that reads every file
     * ({@link io.github.vforklint.scan.Scanner#scan(java.util.List, java.util.Set)}), so that this
     * filter's own question costs nothing.
     */
    public static java.util.Set<String> wordsOfDirectives() {
        return DirectiveParser.WORDS;
    }

    /**
     * Every scanned file that names vforklint, as every directive does (the scan's index finds
     * those), and every file outside the scan that a finding is in.
     */
    private Map<Path, FileSuppressions> readSuppressions(ScanResult scan) {
        List<Path> mentioning = scan.filesMentioningInAnyCase(DirectiveParser.WORDS);
        Set<Path> mayHold = new HashSet<>(mentioning);
        Set<Path> files = new LinkedHashSet<>();
        for (Finding f : scan.findings()) {
            // a scanned file the index does not list names no directive: it is not read again
            Path file = settings.paths().file(f.location().path());
            if (mayHold.contains(file) || !scan.scanned(file)) {
                files.add(file);
            }
        }
        files.addAll(mentioning);
        DirectiveParser parser = new DirectiveParser(catalogue);
        Map<Path, FileSuppressions> result = new LinkedHashMap<>();
        for (Path file : files) {
            SourceText text;
            try {
                text = scan.text(file);
            } catch (IOException e) {
                continue;
            }
            if (DirectiveParser.mayHoldDirectives(text.chars())) {
                List<Directive> directives = parser.parse(shown(file), text);
                if (!directives.isEmpty()) {
                    result.put(file, new FileSuppressions(directives));
                }
            }
        }
        return result;
    }

    /** VFK001 for broken and unused suppressions, and (with --require-reason) for ones without a reason. */
    private List<Finding> suppressionProblems(ScanResult scan, Map<Path, FileSuppressions> byFile) {
        Set<Path> incomplete = new HashSet<>();
        for (Diagnostic d : scan.diagnostics()) {
            if (d.kind() == Diagnostic.Kind.INCOMPLETE) {
                incomplete.add(settings.paths().file(d.path()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Path, FileSuppressions> e : byFile.entrySet()) {
            // In a file the analysis did not finish, a suppression may be unused only because its finding was missed.
            boolean judgeUse = !incomplete.contains(e.getKey());
            for (FileSuppressions.Problem p : e.getValue().problems(rule -> judgeUse && enabled(rule))) {
                engine.finding(RuleIds.UNUSED_SUPPRESSION, p.directive().where(),
                        Map.of("directive", p.directive().text(), "reason", p.reason()))
                        .map(this::withConfiguredSeverity).ifPresent(findings::add);
            }
            // An explicit --require-reason outranks a configured VFK001 severity: it is what the user asked to fail on.
            if (settings.requireReason()) {
                for (Directive d : e.getValue().withoutReason()) {
                    String where = d.text().startsWith("NOLINT") ? "after its parenthesis" : "after ` -- `";
                    engine.finding(RuleIds.UNUSED_SUPPRESSION, d.where(), Map.of("directive", d.text(),
                                    "reason", "gives no reason: --require-reason asks for one " + where))
                            .map(f -> f.withSeverity(Severity.ERROR)).ifPresent(findings::add);
                }
            }
        }
        return findings;
    }

    private boolean enabled(String ruleId) {
        return catalogue.find(ruleId).map(selection::enabled).orElse(false);
    }

    private String shown(Path file) {
        Path base = settings.paths().baseDir();
        return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }
}
