package io.github.vforklint.report;

import java.util.Locale;

/** The output formats of {@code vforklint check}. */
public enum ReportFormat {
    TEXT, JSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
