package io.github.vforklint.api;

import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.config.EffectiveConfig;
import io.github.vforklint.config.FailOn;
import io.github.vforklint.files.AtomicFiles;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.report.Report;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.report.ReportSettings;
import io.github.vforklint.report.SourceLines;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.suppress.FilteredResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check found, after suppressions and the baseline, with what every front door does with
 * it: the verdict, the one-line summary, and the reports.
 */
public record CheckResult(FilteredResult filtered, EffectiveConfig config, RuleCatalogue catalogue, Path baseDir) {

    /** How a check ended, for the caller to turn into an exit code or a build failure. */
    public enum Status {
        /** Nothing at or above the fail-on level. */
        CLEAN,
        /** Findings at or above the fail-on level. */
        FINDINGS,
        /** No such findings, but some input was not fully analysed. */
        INCOMPLETE;

        /** Whether a build fails on this: on findings always, on an incomplete analysis when asked to. */
        public boolean failsBuild(boolean failOnIncomplete) {
            return this == FINDINGS || failOnIncomplete && this == INCOMPLETE;
        }
    }

    public ScanResult result() {
        return filtered.result();
    }

    public Status status() {
        return status(config.failOn());
    }

    public Status status(FailOn failOn) {
        for (Finding f : result().findings()) {
            if (failOn.fails(f.severity())) {
                return Status.FINDINGS;
            }
        }
        return result().incomplete() ? Status.INCOMPLETE : Status.CLEAN;
    }

    /** Settings for a report written by this check. */
    public ReportSettings reportSettings(boolean color, boolean includeSuppressed) {
        return new ReportSettings(new SourceLines(baseDir), color, catalogue, ProjectPaths.forWorkingDirectory(baseDir),
                includeSuppressed);
    }

    public void writeReport(ReportFormat format, ReportSettings settings, Writer out) throws IOException {
        Report.of(format, settings).write(filtered, out);
    }

    /**
     * Writes a report to a file: into a temporary file beside it first, renamed into place once
     * complete, so a failed write (disk full, file size limit) leaves the previous report intact.
     */
    public void writeReport(ReportFormat format, ReportSettings settings, Path file) throws CheckException {
        try {
            AtomicFiles.write(file, out -> writeReport(format, settings, out));
        } catch (IOException e) {
            throw new CheckException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The one-line summary the command line prints on standard error and the plugins log. */
    public String summary() {
        String base = summary(result());
        List<String> hidden = new ArrayList<>();
        if (filtered.suppressedInSource() > 0) {
            hidden.add(filtered.suppressedInSource() + " suppressed in the code");
        }
        if (filtered.recorded() != null) {
            hidden.add(filtered.suppressedByBaseline() + " recorded in the new baseline");
        } else if (filtered.suppressedByBaseline() > 0) {
            hidden.add(filtered.suppressedByBaseline() + " in the baseline");
        }
        if (!filtered.stale().isEmpty()) {
            long stale = filtered.stale().stream().mapToLong(e -> e.count()).sum();
            hidden.add(stale + " baseline entr" + (stale == 1 ? "y" : "ies") + " stale");
        }
        return hidden.isEmpty() ? base : base + "; " + String.join(", ", hidden);
    }

    static String summary(ScanResult result) {
        long errors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = result.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = result.findings().stream().filter(f -> f.severity() == Severity.NOTE).count();
        long incomplete = result.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.INCOMPLETE)
                .map(Diagnostic::path).distinct().count();
        String scope = result.filesScanned() + " file" + (result.filesScanned() == 1 ? "" : "s") + ", "
                + result.vforkSites() + " vfork site" + (result.vforkSites() == 1 ? "" : "s");
        String tail = incomplete == 0 ? "" : "; " + incomplete + " file" + (incomplete == 1 ? "" : "s")
                + " not fully analysed (see diagnostics)";
        if (result.findings().isEmpty()) {
            return "vforklint: no problems found (" + scope + ")" + tail;
        }
        return "vforklint: " + result.findings().size() + " problem" + (result.findings().size() == 1 ? "" : "s")
                + " (" + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + ", " + notes + " note" + (notes == 1 ? "" : "s") + ") in " + scope + tail;
    }
}
