package io.github.vforklint.api;

import io.github.vforklint.files.AtomicFiles;
import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.report.ReportSettings;
import io.github.vforklint.report.SarifAggregate;
import io.github.vforklint.report.SarifCategory;
import io.github.vforklint.report.SourceLines;
import io.github.vforklint.rules.RuleCatalogue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reports over several checks: the modules of one build. */
public final class Aggregate {

    private Aggregate() {
    }

    /**
     * Writes one SARIF file holding every result of the given SARIF reports (each written by a
     * check of the same source root) as a single run, atomically.
     *
     * @param baseDir  the build's root: a run with no results is written for it when {@code reports} is empty
     * @param category the one run's code scanning category (the modules' own are not kept)
     */
    public static void writeSarif(List<Path> reports, Path baseDir, SarifCategory category, Path file)
            throws CheckException {
        ReportSettings empty = new ReportSettings(new SourceLines(baseDir), false, RuleCatalogue.load(),
                ProjectPaths.forWorkingDirectory(baseDir), false, category);
        try {
            AtomicFiles.write(file, out -> SarifAggregate.write(reports, empty, out));
        } catch (IOException e) {
            throw new CheckException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
