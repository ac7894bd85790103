package io.github.vforklint.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import io.github.vforklint.api.BuildOptions;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.report.SarifCategory;
import io.github.vforklint.rules.RuleCatalogue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parameters {@code check} and {@code aggregate} share: every option of {@code vforklint check} that makes sense in a build. */
abstract class AbstractVforklintMojo extends AbstractMojo {

    /** The folders scanned when {@code sourceDirectories} is not set; those that do not exist are left out. */
    static final List<String> DEFAULT_SOURCE_DIRECTORIES = List.of("src/main/c", "src/main/native", "src/main/jni",
            "src/main/cpp");

    /** Read once per build: every module's check uses the same catalogue (it is immutable). */
    private static volatile RuleCatalogue catalogue;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skip vforklint. */
    @Parameter(property = "vforklint.skip", defaultValue = "false")
    boolean skip;

    /**
     * Folders and files to scan, relative to the module. Default: those of {@code src/main/c},
     * {@code src/main/native}, {@code src/main/jni} and {@code src/main/cpp} that exist (C files:
     * {@code .c} and {@code .h}), and with {@code jvmSources} what the JVM front end reads.
     */
    @Parameter(property = "vforklint.sourceDirectories")
    List<File> sourceDirectories;

    /**
     * Also scan, when {@code sourceDirectories} is not set, what the JVM front end reads: the
     * module's {@code src/main/java} and {@code pom.xml} (surefire's {@code argLine},
     * {@code systemPropertyVariables}, exec arguments), and the build's {@code .mvn/jvm.config}
     * and {@code .mvn/maven.config} (with the top project only). {@code false} scans the C folders alone.
     */
    @Parameter(property = "vforklint.jvmSources", defaultValue = "true")
    boolean jvmSources = true;

    /** Scan only files matching these globs (relative to the module; comma-separated as a property). */
    @Parameter(property = "vforklint.includes")
    List<String> includes;

    /** Skip files and folders matching these globs (relative to the module). */
    @Parameter(property = "vforklint.excludes")
    List<String> excludes;

    /** A {@code .vforklint.yml} to read instead of the one found from the first source folder upwards. */
    @Parameter(property = "vforklint.configFile")
    File configFile;

    /** Look for {@code .vforklint.yml} when {@code configFile} is not set. */
    @Parameter(property = "vforklint.useConfigFile", defaultValue = "true")
    boolean useConfigFile;

    /** Report only findings this baseline does not list. */
    @Parameter(property = "vforklint.baselineFile")
    File baselineFile;

    /** Record every current finding in this baseline file (and report none of them). */
    @Parameter(property = "vforklint.writeBaseline")
    File writeBaseline;

    /** {@code default} (allows async-signal-safe calls) or {@code strict} (POSIX: only exec and {@code _exit}). */
    @Parameter(property = "vforklint.profile")
    String profile;

    /** Only these rules (ids or names). */
    @Parameter(property = "vforklint.select")
    List<String> select;

    /** Turn these rules off (ids or names). */
    @Parameter(property = "vforklint.ignore")
    List<String> ignore;

    /** Per-rule severities, each {@code RULE=LEVEL} (error, warning or note), as in {@code VFK108=note}. */
    @Parameter(property = "vforklint.severities")
    List<String> severities;

    /**
     * Lowest severity that fails the build: {@code error}, {@code warning}, {@code note} or
     * {@code never}. Default: the configuration file's {@code fail-on}, else {@code error}.
     */
    @Parameter(property = "vforklint.failOnSeverity")
    String failOnSeverity;

    /** Fail the build when some file could not be fully analysed (otherwise a warning). */
    @Parameter(property = "vforklint.failOnIncomplete", defaultValue = "false")
    boolean failOnIncomplete;

    /**
     * Include directories, as the compiler's {@code -I}. The header folders of the JDK running
     * Maven ({@code jni.h}, {@code jni_md.h}) come after them, so that JNI code parses and the
     * cache key holds them.
     */
    @Parameter(property = "vforklint.includeDirectories")
    List<File> includeDirectories;

    /** Macro definitions, {@code NAME} or {@code NAME=VALUE}, as the compiler's {@code -D}. */
    @Parameter(property = "vforklint.defines")
    List<String> defines;

    /** Macros to undefine, as the compiler's {@code -U}. */
    @Parameter(property = "vforklint.undefines")
    List<String> undefines;

    /** Read {@code <...>} headers with the compiler's search path (slower; turns the cache off). */
    @Parameter(property = "vforklint.systemIncludes")
    Boolean systemIncludes;

    /** The compiler asked for {@code systemIncludes}. */
    @Parameter(property = "vforklint.cc")
    String compiler;

    /** A compile_commands.json, or its folder (default: one in a scanned folder or its {@code build/}). */
    @Parameter(property = "vforklint.compileCommands")
    File compileCommands;

    /** How many calls deep to follow the vfork child into helpers. */
    @Parameter(property = "vforklint.maxDepth", defaultValue = "" + BuildOptions.DEFAULT_MAX_DEPTH)
    int maxDepth;

    /** Do not follow a helper that reaches more than this many functions. */
    @Parameter(property = "vforklint.maxHelperReach", defaultValue = "" + BuildOptions.DEFAULT_MAX_HELPER_REACH)
    int maxHelperReach;

    /**
     * Preprocessor configurations analysed per C file beyond the default one, where they bring in
     * vfork code the default leaves out; 0 analyses the default one only.
     */
    @Parameter(property = "vforklint.maxConfigs", defaultValue = "" + BuildOptions.DEFAULT_MAX_CONFIGS)
    int maxConfigs;

    /**
     * Also look for other configurations of files whose configuration {@code defines},
     * {@code undefines} or the compilation database pins.
     */
    @Parameter(property = "vforklint.exploreConfigs", defaultValue = "false")
    boolean exploreConfigs;

    /** Abandon a file, with a diagnostic, after this many seconds. */
    @Parameter(property = "vforklint.fileTimeout", defaultValue = "" + BuildOptions.DEFAULT_FILE_TIMEOUT)
    long fileTimeout;

    /** Files parsed in parallel (default: the number of CPUs). */
    @Parameter(property = "vforklint.jobs")
    Integer jobs;

    /** A suppression comment without a reason is an error (VFK001). */
    @Parameter(property = "vforklint.requireReason")
    Boolean requireReason;

    /**
     * Formats written besides {@code vforklint.sarif} and {@code vforklint.xml} (Checkstyle) and
     * {@code vforklint.txt}: {@code json}, {@code gitlab}, {@code github}.
     */
    @Parameter(property = "vforklint.formats")
    List<String> formats;

    /**
     * The code scanning category of the SARIF reports ({@code runAutomationDetails.id}): a
     * module's report is in {@code <sarifCategory>/<the module's folder>/} (the top project's in
     * {@code <sarifCategory>/}), so that modules uploaded one by one keep their own alerts; the
     * aggregate is one run in {@code <sarifCategory>/}.
     */
    @Parameter(property = "vforklint.sarifCategory", defaultValue = "vforklint")
    String sarifCategory;

    /** SARIF: keep suppressed findings, each with its suppression. */
    @Parameter(property = "vforklint.includeSuppressed", defaultValue = "false")
    boolean includeSuppressed;

    /** Where the reports go. */
    @Parameter(property = "vforklint.outputDirectory", defaultValue = "${project.build.directory}/vforklint")
    File outputDirectory;

    /** Keep the result of an unchanged module (same vforklint, options and files) and reuse it. */
    @Parameter(property = "vforklint.cache", defaultValue = "true")
    boolean cache;

    /** Log every finding (the summary line is always logged). */
    @Parameter(property = "vforklint.consoleOutput", defaultValue = "true")
    boolean consoleOutput;

    /**
     * The directory findings' paths are shown relative to: the top of the build, the same for
     * every module. It is where Maven was started (the folder of {@code -f}'s POM), not the first
     * project built: with {@code -pl}, that would be a module.
     */
    Path buildRoot() {
        String started = session == null ? null : session.getExecutionRootDirectory();
        File dir = started != null ? new File(started) : project.getBasedir();
        return dir.toPath().toAbsolutePath().normalize();
    }

    /** The folder whose {@code .mvn/jvm.config} and {@code .mvn/maven.config} Maven reads. */
    private Path optionFilesRoot() {
        File dir = session == null || session.getRequest() == null ? null
                : session.getRequest().getMultiModuleProjectDirectory();
        return dir != null ? dir.toPath().toAbsolutePath().normalize() : buildRoot();
    }

    /** The check of one module as these parameters ask for it. */
    ModuleCheck checkFor(MavenProject module, Path moduleOutputDirectory) throws MojoFailureException {
        Path base = module.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> roots = roots(base);
        if (roots.isEmpty()) {
            return ModuleCheck.nothingToScan(module.getArtifactId());
        }
        BuildOptions options = new BuildOptions(buildRoot(), base, catalogue())
                .paths(roots)
                .includes(list(includes))
                .excludes(list(excludes))
                .configFile(path(base, configFile))
                .discoverConfig(useConfigFile)
                .baseline(writeBaseline != null ? null : baseline(base))
                .writeBaseline(path(base, writeBaseline))
                .profile(profile)
                .select(list(select))
                .ignore(list(ignore))
                .severities(list(severities))
                .failOn(failOnSeverity)
                .includeDirs(includeDirs(base))
                .defines(list(defines))
                .undefines(list(undefines))
                .systemIncludes(systemIncludes)
                .compiler(compiler)
                .compileCommands(path(base, compileCommands))
                .maxDepth(maxDepth)
                .maxHelperReach(maxHelperReach)
                .maxConfigs(maxConfigs)
                .exploreConfigs(exploreConfigs)
                .fileTimeout(fileTimeout)
                .jobs(jobs)
                .requireReason(requireReason);
        List<ReportFormat> extra = new ArrayList<>();
        for (String f : list(formats)) {
            try {
                extra.add(ReportFormat.parse(f));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("vforklint: formats: " + e.getMessage());
            }
        }
        return new ModuleCheck(module.getArtifactId(), roots, options, moduleOutputDirectory,
                new ModuleCheck.Reports(extra, includeSuppressed, moduleCategory(base)), cache && writeBaseline == null,
                getLog());
    }

    /** The build's SARIF category, as {@code sarifCategory} names it. */
    SarifCategory buildCategory() throws MojoFailureException {
        try {
            return SarifCategory.parse(sarifCategory);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("vforklint: sarifCategory: " + e.getMessage());
        }
    }

    /**
     * A module's own category: the build's, then the module's folder below the top of the build,
     * so that each module's report can be uploaded on its own without replacing another's alerts.
     */
    SarifCategory moduleCategory(Path moduleDir) throws MojoFailureException {
        SarifCategory build = buildCategory();
        Path below = buildRoot().relativize(moduleDir);
        if (below.toString().isEmpty() || below.startsWith("..")) {
            return build;
        }
        List<String> folders = new ArrayList<>();
        below.forEach(part -> folders.add(part.toString()));
        return build.below(folders);
    }

    /** What is scanned in the module at {@code base}. */
    List<Path> roots(Path base) throws MojoFailureException {
        List<Path> roots = new ArrayList<>();
        if (sourceDirectories != null && !sourceDirectories.isEmpty()) {
            for (File f : sourceDirectories) {
                Path p = base.resolve(f.toPath()).normalize();
                if (!p.toFile().exists()) {
                    throw new MojoFailureException("vforklint: sourceDirectories: no such file or folder: " + p);
                }
                roots.add(p);
            }
        } else {
            for (String d : DEFAULT_SOURCE_DIRECTORIES) {
                Path p = base.resolve(d);
                if (p.toFile().isDirectory()) {
                    roots.add(p);
                }
            }
            if (jvmSources) {
                roots.addAll(jvmInputs(base));
            }
        }
        return roots;
    }

    /**
     * The JVM front end's inputs in a module: its Java sources, its POM, and, in the project at
     * the folder Maven reads them from, the build's .mvn option files.
     */
    private List<Path> jvmInputs(Path base) {
        List<Path> inputs = new ArrayList<>();
        for (Path p : List.of(base.resolve("src/main/java"), base.resolve("pom.xml"))) {
            if (p.toFile().exists()) {
                inputs.add(p);
            }
        }
        if (base.equals(optionFilesRoot())) {
            for (String name : List.of(".mvn/jvm.config", ".mvn/maven.config")) {
                Path p = base.resolve(name);
                if (p.toFile().isFile()) {
                    inputs.add(p);
                }
            }
        }
        return inputs;
    }

    private List<Path> includeDirs(Path base) {
        List<Path> dirs = new ArrayList<>();
        if (includeDirectories != null) {
            includeDirectories.forEach(f -> dirs.add(base.resolve(f.toPath()).normalize()));
        }
        dirs.addAll(BuildOptions.jdkIncludeDirs(Path.of(System.getProperty("java.home"))));
        return dirs;
    }

    /**
     * The baseline, when it exists. A parent POM usually names one file per module
     * ({@code ${project.basedir}/vforklint-baseline.json}) and modules without findings have none:
     * they are checked against no baseline, which can only report more, never less.
     */
    private Path baseline(Path base) {
        Path file = path(base, baselineFile);
        if (file != null && !file.toFile().isFile()) {
            getLog().warn("vforklint: no baseline " + file + "; every finding is reported");
            return null;
        }
        return file;
    }

    private static RuleCatalogue catalogue() {
        RuleCatalogue loaded = catalogue;
        if (loaded == null) {
            loaded = RuleCatalogue.load();
            catalogue = loaded;
        }
        return loaded;
    }

    private static Path path(Path base, File f) {
        return f == null ? null : base.resolve(f.toPath()).normalize();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
