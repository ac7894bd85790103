package io.github.vforklint.gradle;

import org.gradle.api.Plugin;
import org.gradle.api.Project;
import org.gradle.api.file.ConfigurableFileTree;
import org.gradle.api.plugins.JavaBasePlugin;
import org.gradle.api.plugins.JavaPluginExtension;
import org.gradle.api.tasks.SourceSet;
import org.gradle.api.tasks.TaskProvider;
import org.gradle.language.base.plugins.LifecycleBasePlugin;

import java.util.List;

/**
 * {@code io.github.vforklint}: the base plugin, plus tasks wired into {@code check}:
 * {@code vforklintNative} for the C and JNI sources in the conventional folders,
 * {@code vforklint<SourceSet>} for each source set's sources (with the Java plugins), and
 * {@code vforklintBuildScripts} for the build's own files where JVMs get their options.
 */
public class VforklintPlugin implements Plugin<Project> {

    /** The C folders the native task scans (C files: {@code .c} and {@code .h}). */
    static final List<String> NATIVE_SOURCE_DIRECTORIES = List.of("src/main/c", "src/main/native", "src/main/jni",
            "src/main/cpp");
    static final String NATIVE_TASK = "vforklintNative";
    static final String BUILD_SCRIPTS_TASK = "vforklintBuildScripts";

    @Override
    public void apply(Project project) {
        project.getPluginManager().apply(VforklintBasePlugin.class);
        project.getPluginManager().apply(LifecycleBasePlugin.class);
        register(project, NATIVE_TASK, "the C and JNI sources (" + String.join(", ", NATIVE_SOURCE_DIRECTORIES) + ")",
                task -> NATIVE_SOURCE_DIRECTORIES.forEach(dir ->
                        task.getSourceDirectories().from(project.getLayout().getProjectDirectory().dir(dir))));
        register(project, BUILD_SCRIPTS_TASK, "the build's own files where JVMs get options (build scripts,"
                + " gradle.properties, Dockerfiles, scripts, CI files)", task -> task.getSourceDirectories().from(buildFiles(project)));
        project.getPlugins().withType(JavaBasePlugin.class, java ->
                project.getExtensions().getByType(JavaPluginExtension.class).getSourceSets().all(sourceSet ->
                        register(project, sourceSet.getTaskName(VforklintBasePlugin.EXTENSION, null),
                                "the " + sourceSet.getName() + " source set's sources",
                                task -> task.getSourceDirectories().from(sourceDirectories(sourceSet)))));
    }

    private static void register(Project project, String name, String what,
                                 org.gradle.api.Action<VforklintTask> configure) {
        TaskProvider<VforklintTask> task = project.getTasks().register(name, VforklintTask.class, t -> {
            t.setGroup(LifecycleBasePlugin.VERIFICATION_GROUP);
            t.setDescription("Checks " + what + " for vfork() misuse.");
            configure.execute(t);
        });
        project.getTasks().named(LifecycleBasePlugin.CHECK_TASK_NAME).configure(check -> check.dependsOn(task));
    }

    /**
     * A source set's folders: its Java (and, with the Kotlin plugin, Kotlin) sources and its
     * resources, where scripts and YAML that start JVMs may live. Lazy: folders added to the
     * source set later are part of it.
     */
    private static Object sourceDirectories(SourceSet sourceSet) {
        return sourceSet.getAllSource().getSourceDirectories();
    }

    /**
     * The files at the top of the project's directory (its build script, {@code gradle.properties},
     * Dockerfiles, scripts, YAML) and, for the root project, the settings script's neighbours,
     * {@code gradle/} (script plugins) and {@code .github/workflows}. Not the folders below: their
     * sources belong to the source set and native tasks, and subprojects check their own.
     */
    private static ConfigurableFileTree buildFiles(Project project) {
        ConfigurableFileTree tree = project.fileTree(project.getProjectDir());
        tree.include("*");
        if (project == project.getRootProject()) {
            tree.include("gradle/*", ".github/workflows/*");
        }
        // Sources at the top of a project are the source set and native tasks' business, if anyone's.
        tree.exclude("*.java", "*.kt", "*.c", "*.h");
        return tree;
    }
}
