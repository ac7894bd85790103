package io.github.vforklint.gradle;

import org.gradle.api.Plugin;
import org.gradle.api.Project;
import org.gradle.api.tasks.TaskProvider;
import org.gradle.language.base.plugins.LifecycleBasePlugin;

import java.util.List;

/**
 * {@code io.github.vforklint}: the base plugin, plus {@code vforklintNative}, which checks the C
 * and JNI sources in the conventional folders, wired into {@code check}.
 */
public class VforklintPlugin implements Plugin<Project> {

    /** The C folders the native task scans (C files: {@code .c} and {@code .h}). */
    static final List<String> NATIVE_SOURCE_DIRECTORIES = List.of("src/main/c", "src/main/native", "src/main/jni",
            "src/main/cpp");
    static final String NATIVE_TASK = "vforklintNative";

    @Override
    public void apply(Project project) {
        project.getPluginManager().apply(VforklintBasePlugin.class);
        project.getPluginManager().apply(LifecycleBasePlugin.class);
        TaskProvider<VforklintTask> nativeTask = project.getTasks().register(NATIVE_TASK, VforklintTask.class, task -> {
            task.setGroup(LifecycleBasePlugin.VERIFICATION_GROUP);
            task.setDescription("Checks the C and JNI sources (" + String.join(", ", NATIVE_SOURCE_DIRECTORIES)
                    + ") for vfork() misuse.");
            for (String dir : NATIVE_SOURCE_DIRECTORIES) {
                task.getSourceDirectories().from(project.getLayout().getProjectDirectory().dir(dir));
            }
        });
        project.getTasks().named(LifecycleBasePlugin.CHECK_TASK_NAME).configure(check -> check.dependsOn(nativeTask));
    }
}
