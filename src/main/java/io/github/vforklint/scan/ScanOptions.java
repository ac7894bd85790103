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
 * @param javaRelease     the Java language level Java sources are parsed at (17, 21, 25...); null
 *                        for the newest the parser knows
 */
public record ScanOptions(Path baseDir, Profile profile, List<String> select, List<String> ignore,
                          List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                          PathFilter paths, int jobs, boolean systemIncludes, String compiler,
                          Path compileCommands, AnalysisLimits limits, ConfigurationSearch configurations,
                          Integer javaRelease) {

    public ScanOptions {
        select = List.copyOf(select);
        ignore = List.copyOf(ignore);
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        undefines = List.copyOf(undefines);
    }

    /**
     * With the default search for other preprocessor configurations and no Java release (Java
     * sources are parsed at the newest level the parser knows).
     */
    public ScanOptions(Path baseDir, Profile profile, List<String> select, List<String> ignore,
                       List<Path> includeDirs, Map<String, String> defines, List<String> undefines,
                       PathFilter paths, int jobs, boolean systemIncludes, String compiler,
                       Path compileCommands, AnalysisLimits limits) {
        this(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs, systemIncludes, compiler,
                compileCommands, limits, ConfigurationSearch.defaults(), null);
    }

    public static ScanOptions defaults(Path baseDir) {
        return new ScanOptions(baseDir, Profile.DEFAULT, List.of(), List.of(), List.of(), Map.of(), List.of(),
                PathFilter.all(), Runtime.getRuntime().availableProcessors(), false, "cc", null, AnalysisLimits.defaults(), ConfigurationSearch.defaults(), null);
    }

    public ScanOptions withProfile(Profile newProfile) {
        return new ScanOptions(baseDir, newProfile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, compileCommands, limits, configurations, javaRelease);
    }

    public ScanOptions withSystemIncludes(String compilerToAsk) {
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                true, compilerToAsk, compileCommands, limits, configurations, javaRelease);
    }

    public ScanOptions withCompileCommands(Path database) {
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, database, limits, configurations, javaRelease);
    }

    public ScanOptions withLimits(AnalysisLimits newLimits) {
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, compileCommands, newLimits, configurations, javaRelease);
    }

    public ScanOptions withConfigurations(ConfigurationSearch search) {
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, compileCommands, limits, search, javaRelease);
    }

    public ScanOptions withIncludeDirs(List<Path> dirs) {
        return new ScanOptions(baseDir, profile, select, ignore, dirs, defines, undefines, paths, jobs,
                systemIncludes, compiler, compileCommands, limits, configurations, javaRelease);
    }
}
