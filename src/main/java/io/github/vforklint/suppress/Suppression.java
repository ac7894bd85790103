package io.github.vforklint.suppress;

import io.github.vforklint.finding.Location;

/**
 * Why a finding is not reported.
 *
 * @param justification the reason written with the suppression, or null
 * @param where         the suppression comment, or null for a baseline
 * @param source        the directive as written, or the baseline file
 */
public record Suppression(Kind kind, String justification, Location where, String source) {

    /** SARIF's two kinds: a comment in the code, or a file kept outside it. */
    public enum Kind { IN_SOURCE, BASELINE }
}
