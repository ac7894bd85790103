package io.github.vforklint.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of {@code vforklint check}. */
public enum ReportFormat {
    TEXT, JSON, SARIF, CHECKSTYLE, GITHUB, GITLAB;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the formats there are */
    public static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (expected "
                + Arrays.stream(values()).map(ReportFormat::label).collect(Collectors.joining(", ")) + ")");
    }
}
