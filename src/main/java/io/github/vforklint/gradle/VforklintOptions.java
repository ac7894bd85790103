package io.github.vforklint.gradle;

import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.file.RegularFileProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.InputFile;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.Optional;
import org.gradle.api.tasks.PathSensitive;
import org.gradle.api.tasks.PathSensitivity;

/**
 * The options of one check, as {@link VforklintTask} declares them (with the annotations that
 * make them task inputs) and as the task hands them to {@link VforklintWork}, whose parameters
 * are this same interface: declared once, copied in one place ({@link #copy}).
 */
public interface VforklintOptions {

    /** Findings' paths are shown relative to it: the root project's directory. */
    @Internal
    DirectoryProperty getBaseDirectory();

    /** Exclude globs are relative to it: the project's directory. */
    @Internal
    DirectoryProperty getModuleDirectory();

    @InputFile
    @Optional
    @PathSensitive(PathSensitivity.RELATIVE)
    RegularFileProperty getConfigFile();

    @InputFile
    @Optional
    @PathSensitive(PathSensitivity.RELATIVE)
    RegularFileProperty getBaselineFile();

    /** The build's compile_commands.json. */
    @InputFile
    @Optional
    @PathSensitive(PathSensitivity.RELATIVE)
    RegularFileProperty getCompileCommands();

    /** {@code default} or {@code strict}. */
    @Input
    @Optional
    Property<String> getProfile();

    /** Only these rules (ids or names). */
    @Input
    ListProperty<String> getSelect();

    /** Rules turned off. */
    @Input
    ListProperty<String> getIgnore();

    /** Each {@code RULE=LEVEL}. */
    @Input
    ListProperty<String> getSeverities();

    /** Each {@code NAME} or {@code NAME=VALUE}. */
    @Input
    ListProperty<String> getDefines();

    @Input
    ListProperty<String> getUndefines();

    /** Globs relative to the project directory. */
    @Input
    ListProperty<String> getExcludes();

    @Input
    @Optional
    Property<String> getFailOnSeverity();

    @Input
    @Optional
    Property<Boolean> getRequireReason();

    @Input
    @Optional
    Property<Integer> getMaxDepth();

    @Input
    @Optional
    Property<Integer> getMaxHelperReach();

    /**
     * Preprocessor configurations analysed per C file beyond the default one, where they bring in
     * vfork code the default leaves out (default 12; 0: the default one only).
     */
    @Input
    @Optional
    Property<Integer> getMaxConfigs();

    /** Also look for other configurations of files whose configuration defines, undefines or the compilation database pins. */
    @Input
    @Optional
    Property<Boolean> getExploreConfigs();

    /** Abandon a file, with a diagnostic, after this many seconds (default 60). */
    @Input
    @Optional
    Property<Integer> getFileTimeout();

    /** Files parsed in parallel; the result is the same for any value. */
    @Internal
    Property<Integer> getJobs();

    /** The SARIF report's code scanning category ({@code runAutomationDetails.id} is it and a slash). */
    @Input
    Property<String> getSarifCategory();

    /** Sets every option of {@code to} from {@code from}, lazily: providers stay providers. */
    static void copy(VforklintOptions from, VforklintOptions to) {
        to.getBaseDirectory().set(from.getBaseDirectory());
        to.getModuleDirectory().set(from.getModuleDirectory());
        to.getConfigFile().set(from.getConfigFile());
        to.getBaselineFile().set(from.getBaselineFile());
        to.getCompileCommands().set(from.getCompileCommands());
        to.getProfile().set(from.getProfile());
        to.getSelect().set(from.getSelect());
        to.getIgnore().set(from.getIgnore());
        to.getSeverities().set(from.getSeverities());
        to.getDefines().set(from.getDefines());
        to.getUndefines().set(from.getUndefines());
        to.getExcludes().set(from.getExcludes());
        to.getFailOnSeverity().set(from.getFailOnSeverity());
        to.getRequireReason().set(from.getRequireReason());
        to.getMaxDepth().set(from.getMaxDepth());
        to.getMaxHelperReach().set(from.getMaxHelperReach());
        to.getMaxConfigs().set(from.getMaxConfigs());
        to.getExploreConfigs().set(from.getExploreConfigs());
        to.getFileTimeout().set(from.getFileTimeout());
        to.getJobs().set(from.getJobs());
        to.getSarifCategory().set(from.getSarifCategory());
    }
}
