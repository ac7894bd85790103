package io.github.vforklint.frontend.c;

import java.time.Duration;

/**
 * How far the C front end looks beyond the preprocessor configuration the options describe, and
 * how long one file may take.
 *
 * @param maxConfigurations configurations analysed per file beyond the default one (cppcheck's
 *                          --max-configs); 0 analyses the default one only
 * @param whenPinned        look even for files whose configuration -D, -U or the compilation
 *                          database pins
 * @param fileTimeLimit     how long one file may take before it is abandoned with a diagnostic
 */
public record ConfigurationSearch(int maxConfigurations, boolean whenPinned, Duration fileTimeLimit) {

    public ConfigurationSearch {
        if (maxConfigurations < 0) {
            throw new IllegalArgumentException("--max-configs must not be negative");
        }
        if (fileTimeLimit.isNegative() || fileTimeLimit.isZero()) {
            throw new IllegalArgumentException("--file-timeout must be positive");
        }
    }

    /** Twelve configurations, as cppcheck; a minute a file, hundreds of times what a large real file takes. */
    public static ConfigurationSearch defaults() {
        return new ConfigurationSearch(12, false, Duration.ofSeconds(60));
    }
}
