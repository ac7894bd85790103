package io.github.vforklint.report;

import io.github.vforklint.scan.ScanResult;

import java.io.IOException;
import java.io.Writer;

/** Renders a scan result in one format. */
public interface Report {

    void write(ScanResult result, Writer out) throws IOException;

    static Report of(ReportFormat format, SourceLines sources, boolean color) {
        return switch (format) {
            case TEXT -> new TextReport(sources, color);
            case JSON -> new JsonReport();
        };
    }
}
