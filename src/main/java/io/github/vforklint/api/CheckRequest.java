package io.github.vforklint.api;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.config.CheckConfig;
import io.github.vforklint.frontend.c.ConfigurationSearch;

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
 * @param configurations  how far C files are analysed beyond the preprocessor configuration the
 *                        options describe (--max-configs, --explore-configs), and how long one
 *                        file may take (--file-timeout)
 */
public record CheckRequest(Path baseDir, CheckConfig options, Path configFile, boolean discoverConfig,
                           Path compileCommands, AnalysisLimits limits, Path writeBaseline,
                           ConfigurationSearch configurations) {

    public CheckRequest {
        baseDir = baseDir.toAbsolutePath().normalize();
    }

    public CheckRequest(Path baseDir, CheckConfig options, Path configFile, boolean discoverConfig,
                        Path compileCommands, AnalysisLimits limits, Path writeBaseline) {
        this(baseDir, options, configFile, discoverConfig, compileCommands, limits, writeBaseline,
                ConfigurationSearch.defaults());
    }

    /** A check of {@code baseDir} with its configuration file, if it has one, and nothing else. */
    public static CheckRequest of(Path baseDir, CheckConfig options) {
        return new CheckRequest(baseDir, options, null, true, null, AnalysisLimits.defaults(), null);
    }
}
