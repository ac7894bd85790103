package io.github.vforklint.frontend;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.finding.Diagnostic;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one front end observed.
 *
 * @param filesAnalysed files it parsed and analysed
 * @param vforkSites    places that start a vfork child (or, on the JVM, select or call one)
 * @param configurations for observations made only under a preprocessor configuration other than
 *                      the one the options describe, that configuration ("BB_MMU is 0"), by
 *                      observation identity
 */
public record FrontEndResult(List<Observation> observations, List<Diagnostic> diagnostics, int filesAnalysed,
                             int vforkSites, Map<Observation, String> configurations) {

    public FrontEndResult {
        observations = List.copyOf(observations);
        diagnostics = List.copyOf(diagnostics);
        configurations = java.util.Collections.unmodifiableMap(new IdentityHashMap<>(configurations));
    }

    /** A result whose observations all hold in the configuration the options describe. */
    public FrontEndResult(List<Observation> observations, List<Diagnostic> diagnostics, int filesAnalysed,
                          int vforkSites) {
        this(observations, diagnostics, filesAnalysed, vforkSites, Map.of());
    }
}
