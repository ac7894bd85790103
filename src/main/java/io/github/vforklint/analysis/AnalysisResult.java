package io.github.vforklint.analysis;

import io.github.vforklint.finding.Diagnostic;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the front ends observed in one scan, immutable: what rules read. Observations are
 * in a deterministic order (the scan sorts them), so findings do not depend on threads or on the
 * order of files on disk.
 *
 * @param filesScanned  files the scan considered
 * @param filesAnalysed files a front end parsed and analysed
 * @param vforkSites    places that start a vfork child (or, on the JVM, select or call one)
 * @param configurations the preprocessor configuration an observation was made under, when it is
 *                       not the one the options describe (by observation identity)
 */
public record AnalysisResult(List<Observation> observations, List<Diagnostic> diagnostics, int filesScanned,
                             int filesAnalysed, int vforkSites, Map<Observation, String> configurations) {

    public AnalysisResult {
        observations = List.copyOf(observations);
        diagnostics = List.copyOf(diagnostics);
        configurations = java.util.Collections.unmodifiableMap(new IdentityHashMap<>(configurations));
    }

    /** The configuration {@code o} was observed under, or null for the one the options describe. */
    public String configurationOf(Observation o) {
        return configurations.get(o);
    }

    /** The observations of one kind, in order. */
    public <T extends Observation> List<T> all(Class<T> kind) {
        return observations.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
