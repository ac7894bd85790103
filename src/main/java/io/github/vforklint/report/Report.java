package io.github.vforklint.report;

import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.suppress.FilteredResult;

import java.io.IOException;
import java.io.Writer;

/** Renders a scan result in one format. */
public interface Report {

    void write(ScanResult result, Writer out) throws IOException;

    /** Formats that show suppressed findings or fingerprints (SARIF) override this; the others show the result. */
    default void write(FilteredResult result, Writer out) throws IOException {
        write(result.result(), out);
    }

    static Report of(ReportFormat format, SourceLines sources, boolean color) {
        return of(format, ReportSettings.defaults(sources, color));
    }

    static Report of(ReportFormat format, ReportSettings settings) {
        return switch (format) {
            case TEXT -> new TextReport(settings.sources(), settings.color());
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport(settings);
            case CHECKSTYLE -> new CheckstyleReport();
            case GITHUB -> new GithubReport(settings.paths());
            case GITLAB -> new GitlabReport(settings.paths());
        };
    }
}
