package io.github.vforklint.rules;

import java.util.Locale;

/**
 * Which reading of the vfork contract to enforce: {@code default} allows what works on Linux and
 * the BSDs (async-signal-safe and pure calls); {@code strict} allows only exec and _exit, as POSIX.
 */
public enum Profile {
    DEFAULT, STRICT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String text) {
        for (Profile p : values()) {
            if (p.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + text + "' (expected default or strict)");
    }
}
