package io.github.vforklint.report;

import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.rules.RuleCatalogue;

/**
 * What formats need besides the result.
 *
 * @param paths             where the files are; SARIF and GitHub annotations show paths relative to its source root
 * @param includeSuppressed SARIF: keep suppressed findings, marked with their suppression
 * @param sarifCategory     SARIF: the code scanning category of the run, written as its
 *                          {@code runAutomationDetails.id}; see {@link SarifCategory}
 */
public record ReportSettings(SourceLines sources, boolean color, RuleCatalogue catalogue, ProjectPaths paths,
                             boolean includeSuppressed, SarifCategory sarifCategory) {

    public ReportSettings(SourceLines sources, boolean color, RuleCatalogue catalogue, ProjectPaths paths,
                          boolean includeSuppressed) {
        this(sources, color, catalogue, paths, includeSuppressed, null);
    }

    public ReportSettings {
        if (sarifCategory == null) {
            sarifCategory = SarifCategory.DEFAULT;
        }
    }

    public static ReportSettings defaults(SourceLines sources, boolean color) {
        return new ReportSettings(sources, color, RuleCatalogue.load(), ProjectPaths.forWorkingDirectory(sources.baseDir()),
                false);
    }

    /** The same settings with another SARIF category. */
    public ReportSettings withSarifCategory(SarifCategory category) {
        return new ReportSettings(sources, color, catalogue, paths, includeSuppressed, category);
    }
}
