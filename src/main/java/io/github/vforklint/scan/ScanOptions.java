package io.github.vforklint.scan;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.frontend.c.ConfigurationSearch;
import io.github.vforklint.rules.Profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a scan needs to know, whatever front door it came through.
 *
 * @param baseDir        findings show paths relative to it when the file is under it
 * @param paths          which files of the walked tree to take
 * @param systemIncludes  resolve {@code <...>} headers with the local compiler's search path
 * @param compileCommands a compile_commands.json (or its directory); null to look for one at the
 *                        scanned directories and in their build/ subdirectories
 * @param configurations  how far C files are analysed beyond the preprocessor configuration the
 *                        options describe, and how long one file may take
 */
public record ScanOptions(Path baseDir, Profile profile, List<String> select, List<String> ignore,
                          List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                          PathFilter paths, int jobs, boolean systemIncludes, String compiler,
                          Path compileCommands, AnalysisLimits limits, ConfigurationSearch configurations) {

    /** Options with the default search for other preprocessor configurations. */
    public ScanOptions(Path baseDir, Profile profile, List<String> select, List<String> ignore,
                       List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                       PathFilter paths, int jobs, boolean systemIncludes, String compiler,
                       Path compileCommands, AnalysisLimits limits) {
        this(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs, systemIncludes, compiler,
                compileCommands, limits, ConfigurationSearch.defaults());
    }

    public ScanOptions {
        select = List.copyOf(select);
        ignore = List.copyOf(ignore);
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        undefines = List.copyOf(undefines);
    }

    public static ScanOptions defaults(Path baseDir) {
        return new ScanOptions(baseDir, Profile.DEFAULT, List.of(), List.of(), List.of(), Map.of(), List.of(),
                PathFilter.all(), Runtime.getRuntime().availableProcessors(), false, "cc", null, AnalysisLimits.defaults());
    }

    public ScanOptions withProfile(Profile newProfile) {
        return new ScanOptions(baseDir, newProfile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, compileCommands, limits, configurations);
    }

    public ScanOptions withSystemIncludes(String compilerToAsk) {
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                true, compilerToAsk, compileCommands, limits, configurations);
    }

    public ScanOptions withCompileCommands(Path database) {
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, database, limits, configurations);
    }

    public ScanOptions withLimits(AnalysisLimits newLimits) {
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, compileCommands, newLimits, configurations);
    }

    public ScanOptions withConfigurations(ConfigurationSearch search) {
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, compileCommands, limits, search);
    }

    public ScanOptions withIncludeDirs(List<Path> dirs) {
        return new ScanOptions(baseDir, profile, select, ignore, dirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, compileCommands, limits, configurations);
    }
}
