package io.github.vforklint.scan;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;

import java.util.List;

/**
 * @param filesScanned C files considered
 * @param filesParsed  files that could involve vfork and were parsed
 * @param vforkSites   vfork calls found
 */
public record ScanResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned,
                         int filesParsed, int vforkSites) {

    public boolean incomplete() {
        return diagnostics.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.INCOMPLETE);
    }
}
