package io.github.vforklint.analysis;

import io.github.vforklint.finding.Diagnostic;

import java.util.List;

/**
 * Everything the front ends observed in one scan, immutable: what rules read. Observations are
 * in a deterministic order (the scan sorts them), so findings do not depend on threads or on the
 * order of files on disk.
 *
 * @param filesScanned  files the scan considered
 * @param filesAnalysed files a front end parsed and analysed
 * @param vforkSites    places that start a vfork child (or, on the JVM, select or call one)
 */
public record AnalysisResult(List<Observation> observations, List<Diagnostic> diagnostics, int filesScanned,
                             int filesAnalysed, int vforkSites) {

    public AnalysisResult {
        observations = List.copyOf(observations);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The observations of one kind, in order. */
    public <T extends Observation> List<T> all(Class<T> kind) {
        return observations.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
