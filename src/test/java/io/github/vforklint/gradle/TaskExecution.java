package io.github.vforklint.gradle;

import org.gradle.api.Project;
import org.gradle.api.Task;
import org.gradle.api.internal.project.ProjectInternal;
import org.gradle.internal.operations.BuildOperationContext;
import org.gradle.internal.operations.BuildOperationDescriptor;
import org.gradle.internal.operations.BuildOperationRunner;
import org.gradle.internal.operations.RunnableBuildOperation;
import org.gradle.internal.work.WorkerThreadRegistry;

/**
 * Runs a task's actions in a ProjectBuilder project the way Gradle runs them in a build: on a
 * worker thread, inside a build operation, which the Worker API needs. (ProjectBuilder has no
 * task graph to execute; this is the part of it the tests need, through Gradle's internal services.)
 */
final class TaskExecution {

    private TaskExecution() {
    }

    static void execute(Project project, Task task) {
        var services = ((ProjectInternal) project).getServices();
        BuildOperationRunner operations = services.get(BuildOperationRunner.class);
        RuntimeException[] failure = new RuntimeException[1];
        services.get(WorkerThreadRegistry.class).runAsWorkerThread(() -> operations.run(new RunnableBuildOperation() {
            @Override
            public void run(BuildOperationContext context) {
                try {
                    task.getActions().forEach(action -> action.execute(task));
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }

            @Override
            public BuildOperationDescriptor.Builder description() {
                return BuildOperationDescriptor.displayName("Task " + task.getPath());
            }
        }));
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
