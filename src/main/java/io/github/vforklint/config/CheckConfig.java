package io.github.vforklint.config;

import io.github.vforklint.finding.Severity;
import io.github.vforklint.rules.Profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code vforklint check} from one source, the configuration file or the command
 * line; null (or, for a map, empty) means "not set here". Paths are absolute; globs carry their base.
 *
 * @param severity per-rule severity by rule id
 * @param paths    what to scan when the command line names nothing
 * @param javaRelease the Java language level to parse Java sources at
 */
public record CheckConfig(Profile profile, List<String> select, List<String> ignore, Map<String, Severity> severity,
                          List<Glob> include, List<Glob> exclude, List<Path> includeDirs, Map<String, String> defines,
                          List<String> undefines, Boolean systemIncludes, String compiler, Integer jobs, FailOn failOn,
                          Path baseline, Boolean requireReason, List<Path> paths, Integer javaRelease) {

    /** Without a Java release (the newest the parser knows). */
    public CheckConfig(Profile profile, List<String> select, List<String> ignore, Map<String, Severity> severity,
                       List<Glob> include, List<Glob> exclude, List<Path> includeDirs, Map<String, String> defines,
                       List<String> undefines, Boolean systemIncludes, String compiler, Integer jobs, FailOn failOn,
                       Path baseline, Boolean requireReason, List<Path> paths) {
        this(profile, select, ignore, severity, include, exclude, includeDirs, defines, undefines, systemIncludes,
                compiler, jobs, failOn, baseline, requireReason, paths, null);
    }

    public static CheckConfig empty() {
        return new CheckConfig(null, null, null, Map.of(), null, null, null, Map.of(), null, null, null, null, null,
                null, null, null);
    }
}
