package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;

/**
 * Something a front end's analysis saw that a rule may judge: a call in a vfork child, a JVM
 * launch-mechanism setting. Each front end has its own kinds; rules ask an
 * {@link AnalysisResult} for the kinds they judge.
 */
public interface Observation {

    /** Where the observed code or setting is. */
    Location location();
}
