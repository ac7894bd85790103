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
 */
public record COptions(List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                       boolean systemIncludes, String compiler, Path compileCommands, AnalysisLimits limits) {

    public COptions {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        undefines = List.copyOf(undefines);
    }
}
