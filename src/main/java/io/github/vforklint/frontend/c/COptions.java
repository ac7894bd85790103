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
 * @param search          how far to look beyond the configuration the options describe, and how
 *                        long a file may take
 */
public record COptions(List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                       boolean systemIncludes, String compiler, Path compileCommands, AnalysisLimits limits,
                       ConfigurationSearch search) {

    public COptions {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        undefines = List.copyOf(undefines);
    }

    public COptions(List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                    boolean systemIncludes, String compiler, Path compileCommands, AnalysisLimits limits) {
        this(includeDirs, defines, undefines, systemIncludes, compiler, compileCommands, limits,
                ConfigurationSearch.defaults());
    }
}
