package io.github.vforklint.frontend;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.finding.Diagnostic;

import java.util.List;

/**
 * What one front end observed.
 *
 * @param filesAnalysed files it parsed and analysed
 * @param vforkSites    places that start a vfork child (or, on the JVM, select or call one)
 */
public record FrontEndResult(List<Observation> observations, List<Diagnostic> diagnostics, int filesAnalysed,
                             int vforkSites) {

    public FrontEndResult {
        observations = List.copyOf(observations);
        diagnostics = List.copyOf(diagnostics);
    }
}
