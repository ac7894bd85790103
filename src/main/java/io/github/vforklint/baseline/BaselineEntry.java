package io.github.vforklint.baseline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Findings of one rule in one file whose code hashes to one fingerprint. {@code count} is how
 * many there were (the same statement repeated in a function); {@code function} and {@code code}
 * are there for the people reviewing the file and take no part in matching.
 */
@JsonPropertyOrder({"rule", "path", "fingerprint", "count", "function", "code"})
public record BaselineEntry(String rule, String path, String fingerprint, int count, String function, String code) {

    /** What matching compares. */
    public record Key(String rule, String path, String fingerprint) {
    }

    public Key key() {
        return new Key(rule, path, fingerprint);
    }

    BaselineEntry withCount(int newCount) {
        return new BaselineEntry(rule, path, fingerprint, newCount, function, code);
    }
}
