package io.github.vforklint.suppress;

import io.github.vforklint.finding.Finding;

/** A finding that is not reported, and what suppressed it. */
public record SuppressedFinding(Finding finding, Suppression suppression) {
}
