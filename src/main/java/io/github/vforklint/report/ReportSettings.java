package io.github.vforklint.report;

import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.rules.RuleCatalogue;

/**
 * What formats need besides the result.
 *
 * @param paths             where the files are; SARIF and GitHub annotations show paths relative to its source root
 * @param includeSuppressed SARIF: keep suppressed findings, marked with their suppression
 */
public record ReportSettings(SourceLines sources, boolean color, RuleCatalogue catalogue, ProjectPaths paths,
                             boolean includeSuppressed) {

    public static ReportSettings defaults(SourceLines sources, boolean color) {
        return new ReportSettings(sources, color, RuleCatalogue.load(), ProjectPaths.forWorkingDirectory(sources.baseDir()),
                false);
    }
}
