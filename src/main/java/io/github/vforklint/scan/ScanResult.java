package io.github.vforklint.scan;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;

import io.github.vforklint.source.SourceFiles;
import io.github.vforklint.source.SourceText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * @param filesScanned C files considered
 * @param filesParsed  files that could involve vfork and were parsed
 * @param vforkSites   vfork calls found
 * @param sources      the texts the scan read, for later steps that look at the same files
 *                     (suppression comments); null when the result was not made by a scan
 */
public record ScanResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned,
                         int filesParsed, int vforkSites, SourceFiles sources) {

    public ScanResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned, int filesParsed,
                      int vforkSites) {
        this(findings, diagnostics, filesScanned, filesParsed, vforkSites, null);
    }

    /** The file's text, from what the scan read when it can. */
    public SourceText text(Path file) throws IOException {
        if (sources != null) {
            try {
                return sources.get(file.toAbsolutePath().normalize().toString());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return SourceText.read(file);
    }

    public boolean incomplete() {
        return diagnostics.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.INCOMPLETE);
    }
}
