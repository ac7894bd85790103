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

    /** The longest a file may be given: a day. */
    public static final long MAX_FILE_TIMEOUT_SECONDS = 86_400;

    /**
     * Why a number of configurations and a time limit in seconds, as a user gave them, cannot be
     * used; empty when they can. Each is named as the user spelled it (an option, a build setting).
     */
    public static java.util.Optional<String> problem(int maxConfigurations, String configurationsName,
                                                     long fileTimeoutSeconds, String timeoutName) {
        if (maxConfigurations < 0) {
            return java.util.Optional.of(configurationsName + " must be 0 or more");
        }
        if (fileTimeoutSeconds < 1 || fileTimeoutSeconds > MAX_FILE_TIMEOUT_SECONDS) {
            return java.util.Optional.of(timeoutName + " must be between 1 and " + MAX_FILE_TIMEOUT_SECONDS + " seconds");
        }
        return java.util.Optional.empty();
    }

    /** Twelve configurations, as cppcheck. Constants: the build plugins' annotations can only name those. */
    public static final int DEFAULT_MAX_CONFIGURATIONS = 12;
    /** A minute a file, hundreds of times what a large real file takes. */
    public static final long DEFAULT_FILE_TIMEOUT_SECONDS = 60;

    public static ConfigurationSearch defaults() {
        return new ConfigurationSearch(DEFAULT_MAX_CONFIGURATIONS, false, Duration.ofSeconds(DEFAULT_FILE_TIMEOUT_SECONDS));
    }
}
