package io.github.vforklint.api;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.config.CheckConfig;
import io.github.vforklint.config.FailOn;
import io.github.vforklint.config.Glob;
import io.github.vforklint.config.MacroNames;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.frontend.c.ConfigurationSearch;
import io.github.vforklint.frontend.c.JdkHeaders;
import io.github.vforklint.rules.Profile;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of a check as build files give them (strings, lists of strings, paths), checked
 * and turned into a {@link CheckRequest}; the Maven and Gradle plugins share it. Every setter
 * leaves a value unset by default, so that the configuration file fills it. Problems are
 * {@link CheckException}s naming the option as the build file spells it.
 */
public final class BuildOptions {

    /** The defaults the plugins' options have, as constants for their annotations: the command line's. */
    public static final int DEFAULT_MAX_DEPTH = AnalysisLimits.DEFAULT_CALL_DEPTH;
    public static final int DEFAULT_MAX_HELPER_REACH = AnalysisLimits.DEFAULT_HELPER_REACH;
    public static final int DEFAULT_MAX_CONFIGS = ConfigurationSearch.DEFAULT_MAX_CONFIGURATIONS;
    public static final long DEFAULT_FILE_TIMEOUT = ConfigurationSearch.DEFAULT_FILE_TIMEOUT_SECONDS;

    private final Path baseDir;
    private final Path moduleDir;
    private final RuleCatalogue catalogue;
    private List<Path> paths;
    private String profile;
    private List<String> select;
    private List<String> ignore;
    private List<String> severities = List.of();
    private List<String> includes = List.of();
    private List<String> excludes = List.of();
    private List<Path> includeDirs = List.of();
    private List<String> defines = List.of();
    private List<String> undefines;
    private Boolean systemIncludes;
    private String compiler;
    private Integer jobs;
    private String failOn;
    private Path baseline;
    private Boolean requireReason;
    private Path configFile;
    private boolean discoverConfig = true;
    private Path compileCommands;
    private int maxDepth = AnalysisLimits.defaults().callDepth();
    private int maxHelperReach = AnalysisLimits.defaults().helperReach();
    private Path writeBaseline;
    private int maxConfigs = ConfigurationSearch.defaults().maxConfigurations();
    private boolean exploreConfigs = ConfigurationSearch.defaults().whenPinned();
    private long fileTimeout = ConfigurationSearch.defaults().fileTimeLimit().toSeconds();

    /**
     * @param baseDir   findings' paths are shown relative to it (the top of the build)
     * @param moduleDir include and exclude globs are relative to it
     */
    public BuildOptions(Path baseDir, Path moduleDir, RuleCatalogue catalogue) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.moduleDir = moduleDir.toAbsolutePath().normalize();
        this.catalogue = catalogue;
    }

    public BuildOptions paths(List<Path> value) { paths = value; return this; }
    public BuildOptions profile(String value) { profile = value; return this; }
    public BuildOptions select(List<String> value) { select = empty(value) ? null : value; return this; }
    public BuildOptions ignore(List<String> value) { ignore = empty(value) ? null : value; return this; }
    public BuildOptions severities(List<String> value) { severities = orEmpty(value); return this; }
    public BuildOptions includes(List<String> value) { includes = orEmpty(value); return this; }
    public BuildOptions excludes(List<String> value) { excludes = orEmpty(value); return this; }
    public BuildOptions includeDirs(List<Path> value) { includeDirs = orEmpty(value); return this; }
    public BuildOptions defines(List<String> value) { defines = orEmpty(value); return this; }
    public BuildOptions undefines(List<String> value) { undefines = empty(value) ? null : value; return this; }
    public BuildOptions systemIncludes(Boolean value) { systemIncludes = value; return this; }
    public BuildOptions compiler(String value) { compiler = value; return this; }
    public BuildOptions jobs(Integer value) { jobs = value; return this; }
    public BuildOptions failOn(String value) { failOn = value; return this; }
    public BuildOptions baseline(Path value) { baseline = value; return this; }
    public BuildOptions requireReason(Boolean value) { requireReason = value; return this; }
    public BuildOptions configFile(Path value) { configFile = value; return this; }
    public BuildOptions discoverConfig(boolean value) { discoverConfig = value; return this; }
    public BuildOptions compileCommands(Path value) { compileCommands = value; return this; }
    public BuildOptions maxDepth(int value) { maxDepth = value; return this; }
    public BuildOptions maxHelperReach(int value) { maxHelperReach = value; return this; }
    public BuildOptions writeBaseline(Path value) { writeBaseline = value; return this; }
    public BuildOptions maxConfigs(int value) { maxConfigs = value; return this; }
    public BuildOptions exploreConfigs(boolean value) { exploreConfigs = value; return this; }
    /** In seconds. */
    public BuildOptions fileTimeout(long value) { fileTimeout = value; return this; }

    /**
     * The JDK's header folders, {@code include} and its platform folder (where {@code jni.h} and
     * {@code jni_md.h} are), of the JDK at {@code javaHome}; empty for a JRE without headers.
     * Without them JNI code's {@code JNIEXPORT} and {@code JNICALL} are unknown macros and the
     * functions around them parse badly.
     */
    public static List<Path> jdkIncludeDirs(Path javaHome) {
        return JdkHeaders.of(javaHome);
    }

    public CheckRequest toRequest() throws CheckException {
        if (maxDepth < 1 || maxHelperReach < 1) {
            throw new CheckException("maxDepth and maxHelperReach must be at least 1");
        }
        java.util.Optional<String> search = ConfigurationSearch.problem(maxConfigs, "maxConfigs", fileTimeout, "fileTimeout");
        if (search.isPresent()) {
            throw new CheckException(search.get());
        }
        if (jobs != null && jobs < 1) {
            throw new CheckException("jobs must be at least 1");
        }
        Profile chosenProfile = null;
        FailOn chosenFailOn = null;
        try {
            chosenProfile = blank(profile) ? null : Profile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new CheckException("profile: " + e.getMessage());
        }
        try {
            chosenFailOn = blank(failOn) ? null : FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CheckException("failOnSeverity: " + e.getMessage());
        }
        CheckConfig options = new CheckConfig(chosenProfile, select, ignore, severities(),
                includes.isEmpty() ? null : globs(includes, "includes"), globs(excludes, "excludes"),
                includeDirs, defines(), undefines, systemIncludes, blank(compiler) ? null : compiler, jobs,
                chosenFailOn, baseline, requireReason, paths);
        return new CheckRequest(baseDir, options, configFile, discoverConfig, compileCommands,
                new AnalysisLimits(maxDepth, AnalysisLimits.defaults().stepsPerFunction(), maxHelperReach),
                writeBaseline, new ConfigurationSearch(maxConfigs, exploreConfigs, Duration.ofSeconds(fileTimeout)));
    }

    private List<Glob> globs(List<String> patterns, String option) throws CheckException {
        List<Glob> result = new java.util.ArrayList<>();
        for (String pattern : patterns) {
            try {
                result.add(new Glob(moduleDir, pattern));
            } catch (IllegalArgumentException e) {
                throw new CheckException(option + ": bad glob '" + pattern + "': " + e.getMessage());
            }
        }
        return result;
    }

    private Map<String, Severity> severities() throws CheckException {
        Map<String, Severity> result = new LinkedHashMap<>();
        for (String s : severities) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new CheckException("severities: expected RULE=LEVEL, as in VFK108=note, not '" + s + "'");
            }
            Optional<RuleDefinition> rule = catalogue.find(s.substring(0, eq).trim());
            if (rule.isEmpty()) {
                throw new CheckException("severities: unknown rule '" + s.substring(0, eq).trim() + "'");
            }
            try {
                result.put(rule.get().id(), Severity.parse(s.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new CheckException("severities: " + e.getMessage());
            }
        }
        return result;
    }

    private Map<String, String> defines() throws CheckException {
        Map<String, String> result = new LinkedHashMap<>();
        for (String d : defines) {
            int eq = d.indexOf('=');
            String name = (eq < 0 ? d : d.substring(0, eq)).trim();
            if (!MacroNames.valid(name)) {
                throw new CheckException("defines: not a macro name: '" + d + "'");
            }
            result.put(name, eq < 0 ? "1" : d.substring(eq + 1));
        }
        return result;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean empty(List<?> l) {
        return l == null || l.isEmpty();
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
