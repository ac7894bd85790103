package io.github.vforklint.frontend.c;

import io.github.vforklint.analysis.AnalysisLimits;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the C front end preprocesses and how far it follows children.
 *
 * @param systemIncludes  resolve {@code <...>} headers with {@code compiler}'s search path
 * @param compileCommands a compile_commands.json (or its directory); null to look for one at the
 *                        scanned directories and in their build/ subdirectories
 * @param maxConfigurations preprocessor configurations analysed per file beyond the default one
 *                        (cppcheck's --max-configs); 0 analyses the default one only
 * @param exploreWhenPinned look for other configurations even for files whose configuration
 *                        {@code -D}, {@code -U} or the compilation database pins
 * @param fileTimeLimit   how long one file may take before it is abandoned with a diagnostic
 */
public record COptions(List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                       boolean systemIncludes, String compiler, Path compileCommands, AnalysisLimits limits,
                       int maxConfigurations, boolean exploreWhenPinned, java.time.Duration fileTimeLimit) {

    /** What --max-configs is when not given. */
    public static final int DEFAULT_MAX_CONFIGURATIONS = 12;

    /** What --file-timeout is when not given: hundreds of times what a large real file takes. */
    public static final java.time.Duration DEFAULT_FILE_TIME_LIMIT = java.time.Duration.ofSeconds(60);

    public COptions {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        undefines = List.copyOf(undefines);
        if (maxConfigurations < 0) {
            throw new IllegalArgumentException("maxConfigurations must not be negative");
        }
        if (fileTimeLimit.isNegative() || fileTimeLimit.isZero()) {
            throw new IllegalArgumentException("fileTimeLimit must be positive");
        }
    }

    public COptions(List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                    boolean systemIncludes, String compiler, Path compileCommands, AnalysisLimits limits) {
        this(includeDirs, defines, undefines, systemIncludes, compiler, compileCommands, limits,
                DEFAULT_MAX_CONFIGURATIONS, false, DEFAULT_FILE_TIME_LIMIT);
    }
}
