package io.github.vforklint.api;

import io.github.vforklint.baseline.Baseline;
import io.github.vforklint.baseline.BaselineException;
import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.config.CheckConfig;
import io.github.vforklint.config.ConfigDiscovery;
import io.github.vforklint.config.ConfigException;
import io.github.vforklint.config.ConfigFile;
import io.github.vforklint.config.EffectiveConfig;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.scan.ScanOptions;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.scan.Scanner;
import io.github.vforklint.suppress.FilteredResult;
import io.github.vforklint.suppress.FindingFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One check, prepared then run: {@link #prepare} merges the configuration file under the
 * caller's options and validates everything that can be validated before scanning (rules,
 * baseline, paths); {@link #run} scans, applies suppressions and the baseline, and records a new
 * baseline when asked.
 */
public final class Check {

    private final CheckRequest request;
    private final RuleCatalogue catalogue;
    private final EffectiveConfig config;

    private Check(CheckRequest request, RuleCatalogue catalogue, EffectiveConfig config) {
        this.request = request;
        this.catalogue = catalogue;
        this.config = config;
    }

    public static Check prepare(CheckRequest request) throws CheckException {
        return prepare(request, RuleCatalogue.load());
    }

    public static Check prepare(CheckRequest request, RuleCatalogue catalogue) throws CheckException {
        Path baseDir = request.baseDir();
        CheckConfig cli = request.options();
        Path file = request.configFile();
        ConfigFile.Origin origin = ConfigFile.Origin.NAMED_BY_USER;
        if (file == null && request.discoverConfig()) {
            Path scanRoot = cli.paths() == null || cli.paths().isEmpty() ? baseDir : cli.paths().get(0);
            file = ConfigDiscovery.find(scanRoot).orElse(null);
            origin = ConfigFile.Origin.FOUND_IN_TREE;
        }
        CheckConfig fromFile = null;
        if (file != null) {
            try {
                fromFile = ConfigFile.load(file, shown(baseDir, file), origin, catalogue);
            } catch (ConfigException e) {
                throw new CheckException(e.getMessage());
            }
        }
        return new Check(request, catalogue, EffectiveConfig.merge(baseDir, file, fromFile, cli));
    }

    /** The options in effect: the configuration file's under the caller's. */
    public EffectiveConfig config() {
        return config;
    }

    public RuleCatalogue catalogue() {
        return catalogue;
    }

    /**
     * A key for a cache of this check's result: it changes whenever vforklint's version, the
     * options in effect, the configuration, baseline or compilation database, or any file the
     * check would scan or find under an include directory changes. Empty when the result depends
     * on files outside those (with system includes on).
     *
     * @param extra   what else the caller's use of the result depends on (its report formats, say)
     * @param ignored a directory whose files are not inputs (where the caller keeps the cache and
     *                the reports, when it lies under a scanned path), or null
     */
    public Optional<String> cacheKey(String extra, Path ignored) throws CheckException {
        return InputDigest.of(request, config, extra, ignored);
    }

    public CheckResult run() throws CheckException {
        Path baseDir = request.baseDir();
        ScanOptions options = config.toScanOptions().withCompileCommands(request.compileCommands())
                .withLimits(request.limits()).withConfigurations(request.configurations());
        Scanner scanner;
        FindingFilter filter;
        try {
            scanner = new Scanner(options, FunctionKnowledge.load(), catalogue);
            filter = new FindingFilter(catalogue, options, filterSettings(baseDir));
        } catch (IllegalArgumentException e) {
            throw new CheckException(e.getMessage());
        }
        ScanResult scanned;
        try {
            scanned = scanner.scan(config.paths(), FindingFilter.wordsOfDirectives());
        } catch (IllegalArgumentException | Scanner.ScanException e) {
            throw new CheckException(e.getMessage());
        }
        FilteredResult result = filter.apply(scanned);
        if (request.writeBaseline() != null) {
            try {
                result.recorded().write(request.writeBaseline());
            } catch (IOException e) {
                throw new CheckException("cannot write the baseline " + request.writeBaseline() + ": " + e.getMessage());
            }
        }
        return new CheckResult(result, config, catalogue, baseDir);
    }

    private FindingFilter.Settings filterSettings(Path baseDir) throws CheckException {
        Baseline known = null;
        String baselineName = null;
        if (request.writeBaseline() != null) {
            baselineName = shown(baseDir, request.writeBaseline());
        } else if (config.baseline() != null) {
            baselineName = shown(baseDir, config.baseline());
            try {
                known = Baseline.read(config.baseline());
            } catch (BaselineException e) {
                throw new CheckException(e.getMessage());
            }
        }
        return new FindingFilter.Settings(ProjectPaths.forWorkingDirectory(baseDir), config.requireReason(),
                config.severity(), known, baselineName, request.writeBaseline() != null);
    }

    static String shown(Path baseDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString() : abs.toString();
    }
}
