package io.github.vforklint.api;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.config.CheckConfig;

import java.nio.file.Path;

/**
 * What a front door (command line, Maven, Gradle) asks a check to do.
 *
 * @param baseDir         paths in findings are shown relative to it, and relative options resolve against it
 * @param options         the caller's own options; unset values come from the configuration file
 * @param configFile      a configuration file to read instead of discovering one, or null
 * @param discoverConfig  look for {@code .vforklint.yml} from the scan root upwards when {@code configFile} is null
 * @param compileCommands a compile_commands.json or its directory, or null to look for one
 * @param limits          the analysis bounds
 * @param writeBaseline   record every finding in this baseline file, or null
 */
public record CheckRequest(Path baseDir, CheckConfig options, Path configFile, boolean discoverConfig,
                           Path compileCommands, AnalysisLimits limits, Path writeBaseline) {

    public CheckRequest {
        baseDir = baseDir.toAbsolutePath().normalize();
    }

    /** A check of {@code baseDir} with its configuration file, if it has one, and nothing else. */
    public static CheckRequest of(Path baseDir, CheckConfig options) {
        return new CheckRequest(baseDir, options, null, true, null, AnalysisLimits.defaults(), null);
    }
}
