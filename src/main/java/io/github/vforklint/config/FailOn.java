package io.github.vforklint.config;

import io.github.vforklint.finding.Severity;

import java.util.Locale;

/** The lowest severity that makes a check fail (exit code 1), or never. */
public enum FailOn {
    ERROR, WARNING, NOTE, NEVER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static FailOn parse(String text) {
        for (FailOn f : values()) {
            if (f.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "' (expected error, warning, note or never)");
    }

    public boolean fails(Severity severity) {
        return this != NEVER && severity.compareTo(Severity.valueOf(name())) >= 0;
    }
}
