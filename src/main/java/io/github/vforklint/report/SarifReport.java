package io.github.vforklint.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.Fix;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import io.github.vforklint.Version;
import io.github.vforklint.baseline.FindingFingerprints;
import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.finding.Location;
import io.github.vforklint.rules.RuleIds;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.suppress.FilteredResult;
import io.github.vforklint.suppress.SuppressedFinding;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0, one run, as GitHub code scanning and other viewers read it: every rule with its
 * help, results with the vfork call as a related location and the call chain as a code flow,
 * GitHub's line hash and vforklint's own fingerprint, a fix for {@code exit()}, and a
 * notification for every file not fully analysed.
 */
final class SarifReport implements Report {

    static final String SRCROOT = "%SRCROOT%";
    private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
    /** exit() and quick_exit() become _exit() by renaming the call: the one fix that never needs judgement. */
    private static final Pattern EXIT_CALL = Pattern.compile("(quick_exit|exit)\\s*\\(");

    private final ReportSettings settings;
    private final ProjectPaths paths;
    private final SarifRules rules;
    private final Map<String, List<String>> lineHashes = new HashMap<>();

    SarifReport(ReportSettings settings) {
        this.settings = settings;
        this.paths = settings.paths();
        this.rules = new SarifRules(settings.catalogue());
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        write(FilteredResult.unfiltered(result, new FindingFingerprints(paths)), out);
    }

    @Override
    public void write(FilteredResult filtered, Writer out) throws IOException {
        List<Result> results = new ArrayList<>();
        List<Finding> shown = new ArrayList<>(filtered.result().findings());
        Map<Finding, SuppressedFinding> suppressedBy = new HashMap<>();
        if (settings.includeSuppressed()) {
            for (SuppressedFinding s : filtered.suppressed()) {
                shown.add(s.finding());
                suppressedBy.put(s.finding(), s);
            }
            shown.sort(Finding.ORDER);
        }
        for (Finding f : shown) {
            Result r = result(f, filtered.fingerprints());
            if (settings.includeSuppressed()) {
                // SARIF: within a run, suppressions are on every result or on none.
                SuppressedFinding s = suppressedBy.get(f);
                r.withSuppressions(s == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Set.of(suppression(s))));
            }
            results.add(r);
        }
        Run run = new Run()
                .withTool(new Tool().withDriver(new ToolComponent()
                        .withName("vforklint")
                        .withSemanticVersion(Version.current())
                        .withInformationUri(URI.create(SarifRules.REPOSITORY))
                        .withRules(new LinkedHashSet<>(rules.descriptors()))))
                .withAutomationDetails(new RunAutomationDetails().withId("vforklint/"))
                .withOriginalUriBaseIds(new OriginalUriBaseIds().withAdditionalProperty(SRCROOT,
                        new ArtifactLocation().withUri(directoryUri(paths.sourceRoot()))))
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withInvocations(List.of(invocation(filtered.result())))
                .withResults(results);
        SarifSchema210 log = new SarifSchema210()
                .with$schema(SCHEMA)
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
        out.write(SarifJson.mapper().writeValueAsString(log));
        out.write("\n");
    }

    private Result result(Finding f, FindingFingerprints fingerprints) {
        String text = escape(f.message());
        Result r = new Result()
                .withRuleId(f.ruleId())
                .withRuleIndex(rules.indexOf(f.ruleId()))
                .withLevel(level(f))
                .withLocations(List.of(location(f.location(), null)));
        if (f.vfork() != null) {
            text += " The vfork child starts [here](1).";
            r.withRelatedLocations(new LinkedHashSet<>(List.of(
                    location(f.vfork(), "the vfork child starts here").withId(1))));
            List<CodeFlow> flows = new ArrayList<>();
            for (io.github.vforklint.finding.Chain chain : f.chains()) {
                flows.add(codeFlow(f, chain));
            }
            r.withCodeFlows(flows);
        }
        if (f.configuration() != null) {
            text += " This holds when " + escape(f.configuration()) + ".";
            r.withProperties(new com.contrastsecurity.sarif.PropertyBag()
                    .withAdditionalProperty("configuration", f.configuration()));
        }
        r.withMessage(new Message().withText(text));
        PartialFingerprints prints = new PartialFingerprints()
                .withAdditionalProperty(FindingFingerprints.NAME, fingerprints.of(f));
        String lineHash = lineHash(f.location());
        if (lineHash != null) {
            prints.withAdditionalProperty("primaryLocationLineHash", lineHash);
        }
        r.withPartialFingerprints(prints);
        Fix fix = exitFix(f);
        if (fix != null) {
            r.withFixes(new LinkedHashSet<>(List.of(fix)));
        }
        return r;
    }

    private static Result.Level level(Finding f) {
        return switch (f.severity()) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    /**
     * From the vfork call through each call of one chain to the finding; nesting follows the call
     * depth. A finding reached from several call sites has one code flow per chain.
     */
    private CodeFlow codeFlow(Finding f, io.github.vforklint.finding.Chain chain) {
        List<ThreadFlowLocation> steps = new ArrayList<>();
        steps.add(new ThreadFlowLocation().withLocation(location(chain.vfork(), "the vfork child starts here"))
                .withNestingLevel(0));
        int depth = 0;
        for (TraceStep step : chain.steps()) {
            steps.add(new ThreadFlowLocation()
                    .withLocation(location(step.location(), "the child calls " + step.function() + "()"))
                    .withNestingLevel(depth++));
        }
        steps.add(new ThreadFlowLocation().withLocation(location(f.location(), headline(f.message())))
                .withNestingLevel(depth));
        return new CodeFlow().withThreadFlows(List.of(new ThreadFlow().withLocations(steps)));
    }

    private static Suppression suppression(SuppressedFinding s) {
        io.github.vforklint.suppress.Suppression how = s.suppression();
        Suppression result = new Suppression()
                .withKind(how.kind() == io.github.vforklint.suppress.Suppression.Kind.IN_SOURCE
                        ? Suppression.Kind.IN_SOURCE : Suppression.Kind.EXTERNAL)
                .withStatus(Suppression.Status.ACCEPTED);
        if (how.justification() != null) {
            result.withJustification(how.justification());
        }
        return result;
    }

    /** {@code exit(} to {@code _exit(} at the finding, when the call is written there (not behind a macro). */
    private Fix exitFix(Finding f) {
        Location at = f.location();
        if (!f.ruleId().equals(RuleIds.EXIT_IN_CHILD) || at.macro() != null) {
            return null;
        }
        String line = settings.sources().line(at.path(), at.line());
        if (line == null || at.column() - 1 > line.length()) {
            return null;
        }
        Matcher m = EXIT_CALL.matcher(line);
        m.region(at.column() - 1, line.length());
        if (!m.lookingAt()) {
            return null;
        }
        String name = m.group(1);
        Region deleted = new Region().withStartLine(at.line()).withStartColumn(at.column())
                .withEndLine(at.line()).withEndColumn(at.column() + name.length());
        return new Fix()
                .withDescription(new Message().withText("Call _exit() instead of " + name
                        + "(): it ends the child without running the parent's exit handlers (declared in <unistd.h>)."))
                .withArtifactChanges(new LinkedHashSet<>(List.of(new ArtifactChange()
                        .withArtifactLocation(artifact(at.path()))
                        .withReplacements(List.of(new Replacement()
                                .withDeletedRegion(deleted)
                                .withInsertedContent(new ArtifactContent().withText("_exit")))))));
    }

    private Invocation invocation(ScanResult result) {
        List<Notification> notifications = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) {
            PhysicalLocation where = new PhysicalLocation().withArtifactLocation(artifact(d.path()));
            if (d.line() > 0) {
                where.withRegion(new Region().withStartLine(d.line()));
            }
            notifications.add(new Notification()
                    .withLevel(d.kind() == Diagnostic.Kind.INCOMPLETE ? Notification.Level.WARNING : Notification.Level.NOTE)
                    .withMessage(new Message().withText(escape(d.message())))
                    .withLocations(new LinkedHashSet<>(List.of(
                            new com.contrastsecurity.sarif.Location().withPhysicalLocation(where)))));
        }
        return new Invocation()
                .withExecutionSuccessful(!result.incomplete())
                .withToolExecutionNotifications(notifications);
    }

    private com.contrastsecurity.sarif.Location location(Location at, String message) {
        int endLine = Math.max(at.line(), at.endLine());
        int endColumn = endLine == at.line() ? Math.max(at.endColumn(), at.column() + 1) : Math.max(1, at.endColumn());
        com.contrastsecurity.sarif.Location location = new com.contrastsecurity.sarif.Location()
                .withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact(at.path()))
                        .withRegion(new Region().withStartLine(at.line()).withStartColumn(at.column())
                                .withEndLine(endLine).withEndColumn(endColumn)));
        if (message != null) {
            location.withMessage(new Message().withText(escape(message)));
        }
        return location;
    }

    /** Relative to %SRCROOT% when the file is inside it, else an absolute file URI. */
    private ArtifactLocation artifact(String shownPath) {
        if (paths.insideSourceRoot(shownPath)) {
            return new ArtifactLocation().withUri(relativeUri(paths.relative(shownPath))).withUriBaseId(SRCROOT);
        }
        return new ArtifactLocation().withUri(paths.file(shownPath).toUri().toString());
    }

    private String lineHash(Location at) {
        List<String> hashes = lineHashes.computeIfAbsent(at.path(), p -> {
            try {
                return LineHashes.of(new String(Files.readAllBytes(paths.file(p)), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return null;
            }
        });
        return hashes == null || at.line() > hashes.size() ? null : hashes.get(at.line() - 1);
    }

    /**
     * A relative URI reference for a path: every byte but RFC 3986's unreserved characters and '/'
     * percent-encoded (UTF-8), so that a space, '%', '#', '?' or a ':' in the first segment (which
     * would read as a scheme) can be in a file name.
     */
    static String relativeUri(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    private static String directoryUri(Path dir) {
        String uri = dir.toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** SARIF message text gives '[' and ']' a meaning (links to locations); literal ones are escaped. */
    static String escape(String text) {
        return text.replace("[", "\\[").replace("]", "\\]");
    }

    /** The first sentence: what viewers show when space is short. */
    private static String headline(String message) {
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end + 1);
    }
}
