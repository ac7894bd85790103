package io.github.vforklint.gradle;

import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.file.RegularFileProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.Property;

/**
 * {@code vforklint { ... }}: the defaults of every vforklint task in the project. A task's own
 * setting wins over the extension's.
 */
public abstract class VforklintExtension {

    /** The vforklint version the tasks run (default: the plugin's own). */
    public abstract Property<String> getToolVersion();

    /** Do not fail the build on findings (they are still reported). */
    public abstract Property<Boolean> getIgnoreFailures();

    /** Lowest severity that fails the build: error, warning, note or never (default: the configuration file's, else error). */
    public abstract Property<String> getFailOnSeverity();

    /** Fail when some file could not be fully analysed (default false: a warning). */
    public abstract Property<Boolean> getFailOnIncomplete();

    /** A {@code .vforklint.yml} to read instead of the one found from the sources upwards. */
    public abstract RegularFileProperty getConfigFile();

    /** Report only findings this baseline does not list. */
    public abstract RegularFileProperty getBaselineFile();

    /** Where reports go: {@code <reportsDirectory>/<taskName>.sarif} and so on (default build/reports/vforklint). */
    public abstract DirectoryProperty getReportsDirectory();

    /** {@code default} or {@code strict}. */
    public abstract Property<String> getProfile();

    /** Macro definitions, {@code NAME} or {@code NAME=VALUE}, as the compiler's {@code -D}. */
    public abstract ListProperty<String> getDefines();

    /** Per-rule severities, {@code RULE=LEVEL}. */
    public abstract ListProperty<String> getSeverities();

    /** Preprocessor configurations analysed per C file beyond the default one (default 12; 0: the default one only). */
    public abstract Property<Integer> getMaxConfigs();

    /** Also look for other configurations of files whose configuration defines, undefines or the compilation database pins. */
    public abstract Property<Boolean> getExploreConfigs();

    /** Abandon a file, with a diagnostic, after this many seconds (default 60). */
    public abstract Property<Integer> getFileTimeout();

    /** Print every finding in the build log (the summary is always printed). */
    public abstract Property<Boolean> getShowViolations();

    /**
     * Where the analysis runs: {@code classloader} (default: in the build's process, in a
     * classloader of its own) or {@code process} (a worker process, with {@code maxHeapSize}).
     */
    public abstract Property<String> getIsolation();

    /** The worker process's heap ({@code 512m}, {@code 2g}) with process isolation. */
    public abstract Property<String> getMaxHeapSize();

    /**
     * The first part of every task's SARIF category (default {@code vforklint}): a task's report
     * is in {@code <sarifCategory>/<project path>/<what it checks>/}, as {@code vforklint/main/}.
     */
    public abstract Property<String> getSarifCategory();

    /** Extra JVM arguments of the worker process, with process isolation. */
    public abstract ListProperty<String> getJvmArgs();
}
