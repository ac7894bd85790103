package io.github.vforklint.gradle;

import io.github.vforklint.Version;
import io.github.vforklint.api.BuildOptions;
import io.github.vforklint.report.SarifCategory;
import org.gradle.api.GradleException;
import org.gradle.api.Plugin;
import org.gradle.api.Project;
import org.gradle.api.artifacts.Configuration;
import org.gradle.api.file.RegularFile;
import org.gradle.api.plugins.ReportingBasePlugin;
import org.gradle.api.provider.Provider;
import org.gradle.api.reporting.ReportingExtension;
import org.gradle.util.GradleVersion;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code io.github.vforklint-base}: the {@code vforklint} extension, the {@code vforklint}
 * configuration (the tool's classpath) and the {@link VforklintTask} type with the extension's
 * settings as every task's defaults. Registers no task.
 */
public class VforklintBasePlugin implements Plugin<Project> {

    /** The oldest Gradle the plugin runs on. */
    static final GradleVersion MINIMUM = GradleVersion.version("8.5");
    static final String EXTENSION = "vforklint";
    static final String CONFIGURATION = "vforklint";

    @Override
    public void apply(Project project) {
        requireSupportedGradle(GradleVersion.current());
        project.getPluginManager().apply(ReportingBasePlugin.class);
        VforklintExtension extension = project.getExtensions().create(EXTENSION, VforklintExtension.class);
        extension.getToolVersion().convention(Version.current());
        extension.getIgnoreFailures().convention(false);
        extension.getFailOnIncomplete().convention(false);
        extension.getShowViolations().convention(true);
        extension.getIsolation().convention("classloader");
        extension.getSarifCategory().convention("vforklint");
        extension.getReportsDirectory().convention(project.getExtensions().getByType(ReportingExtension.class)
                .getBaseDirectory().dir("vforklint"));
        extension.getConfigFile().convention(defaultConfigFile(project));

        Configuration tool = project.getConfigurations().create(CONFIGURATION, c -> {
            c.setVisible(false);
            c.setCanBeConsumed(false);
            c.setCanBeResolved(true);
            c.setDescription("vforklint and its dependencies, the classpath of the analysis");
            c.defaultDependencies(d -> d.add(project.getDependencies().create(
                    "io.github.vforklint:vforklint:" + extension.getToolVersion().get())));
        });

        List<File> jdkHeaders = BuildOptions.jdkIncludeDirs(Path.of(System.getProperty("java.home"))).stream()
                .map(Path::toFile).toList();
        project.getTasks().withType(VforklintTask.class).configureEach(task -> {
            task.getBaseDirectory().convention(project.getLayout().dir(project.provider(() -> project.getRootDir())));
            task.getModuleDirectory().convention(project.getLayout().getProjectDirectory());
            task.getVforklintClasspath().from(tool);
            task.getJdkIncludeDirectories().from(jdkHeaders);
            task.getConfigFile().convention(extension.getConfigFile());
            task.getBaselineFile().convention(extension.getBaselineFile());
            task.getProfile().convention(extension.getProfile());
            task.getFailOnSeverity().convention(extension.getFailOnSeverity());
            task.getFailOnIncomplete().convention(extension.getFailOnIncomplete());
            task.getDefines().convention(extension.getDefines());
            task.getSeverities().convention(extension.getSeverities());
            task.getMaxConfigs().convention(extension.getMaxConfigs());
            task.getExploreConfigs().convention(extension.getExploreConfigs());
            task.getFileTimeout().convention(extension.getFileTimeout());
            task.getShowViolations().convention(extension.getShowViolations());
            task.getIsolation().convention(extension.getIsolation());
            task.getMaxHeapSize().convention(extension.getMaxHeapSize());
            task.getJvmArgs().convention(extension.getJvmArgs());
            String projectPath = project.getPath();
            task.getSarifCategory().convention(extension.getSarifCategory()
                    .map(prefix -> sarifCategory(prefix, projectPath, task.getName())));
            task.ignoreFailuresProperty().convention(extension.getIgnoreFailures());
            task.getReports().all(report -> {
                report.getRequired().convention(report.getName().equals("sarif"));
                String suffix = switch (report.getName()) {
                    case "xml" -> "xml";
                    case "text" -> "txt";
                    case "gitlab" -> "gitlab.json";
                    default -> "sarif";
                };
                report.getOutputLocation().convention(extension.getReportsDirectory()
                        .file(task.getName() + "." + suffix));
            });
        });
    }

    /**
     * {@code .vforklint.yml} in the project's directory, else in the root project's. The task
     * reads only the file it declares as an input, never by discovery at execution time, so
     * the build cache knows about it.
     */
    private static Provider<RegularFile> defaultConfigFile(Project project) {
        File own = new File(project.getProjectDir(), ".vforklint.yml");
        File root = new File(project.getRootDir(), ".vforklint.yml");
        return project.getLayout().file(project.provider(() -> own.isFile() ? own : root.isFile() ? root : null));
    }

    /**
     * A task's SARIF category: the extension's, then the project's path, then what the task
     * checks ({@code vforklint/main}, {@code vforklint/app/native}), so that every task's report
     * can be uploaded, one by one or all from the reports folder, without replacing another's alerts.
     */
    static String sarifCategory(String prefix, String projectPath, String taskName) {
        List<String> parts = new ArrayList<>(List.of(projectPath.split(":")));
        parts.add(taskName.startsWith(EXTENSION) && taskName.length() > EXTENSION.length()
                ? Character.toLowerCase(taskName.charAt(EXTENSION.length())) + taskName.substring(EXTENSION.length() + 1)
                : taskName);
        // An empty prefix would make "/main", which reads as a category of its own: refused, as
        // the command line and the Maven plugin refuse it.
        return SarifCategory.parse(prefix).below(parts).name();
    }

    static void requireSupportedGradle(GradleVersion current) {
        if (current.getBaseVersion().compareTo(MINIMUM) < 0) {
            throw new GradleException("The vforklint plugin needs Gradle " + MINIMUM.getVersion()
                    + " or later; this build runs " + current.getVersion()
                    + ". Upgrade the wrapper (./gradlew wrapper --gradle-version " + MINIMUM.getVersion()
                    + ") or run the vforklint command line instead.");
        }
    }
}
