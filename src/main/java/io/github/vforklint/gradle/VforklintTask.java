package io.github.vforklint.gradle;

import groovy.lang.Closure;
import io.github.vforklint.api.CheckResult;
import io.github.vforklint.api.ScannedFiles;
import org.gradle.api.Action;
import org.gradle.api.DefaultTask;
import org.gradle.api.Describable;
import org.gradle.api.GradleException;
import org.gradle.api.file.ConfigurableFileCollection;
import org.gradle.api.file.FileTree;
import org.gradle.api.file.FileTreeElement;
import org.gradle.api.model.ObjectFactory;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.Property;
import org.gradle.api.reporting.Reporting;
import org.gradle.api.reporting.SingleFileReport;
import org.gradle.api.specs.Spec;
import org.gradle.api.tasks.CacheableTask;
import org.gradle.api.tasks.Classpath;
import org.gradle.api.tasks.Console;
import org.gradle.api.tasks.IgnoreEmptyDirectories;
import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.InputFiles;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.Nested;
import org.gradle.api.tasks.Optional;
import org.gradle.api.tasks.PathSensitive;
import org.gradle.api.tasks.PathSensitivity;
import org.gradle.api.tasks.SkipWhenEmpty;
import org.gradle.api.tasks.TaskAction;
import org.gradle.api.tasks.VerificationException;
import org.gradle.api.tasks.VerificationTask;
import org.gradle.workers.WorkQueue;
import org.gradle.workers.WorkerExecutor;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks C sources, Java sources and the files where JVMs get their options for vfork() misuse.
 * Inputs and outputs are declared so that an unchanged task is up to date and its result can
 * come from the build cache; its options are {@link VforklintOptions}. The analysis runs through the
 * Worker API, in a classloader of its own by default, in a worker process with
 * {@code isolation = "process"}. Nothing of the project is touched at execution time, so the task
 * works with the configuration cache.
 */
@CacheableTask
public abstract class VforklintTask extends DefaultTask
        implements VerificationTask, Reporting<VforklintReports>, VforklintOptions {

    private final VforklintReports reports;
    /** Lazy, so that the extension's value counts however early the task is created. */
    private final Property<Boolean> ignoreFailures;

    @Inject
    public VforklintTask(ObjectFactory objects) {
        String path = getPath();
        reports = objects.newInstance(VforklintReportsImpl.class, (Describable) () -> "task '" + path + "'", objects);
        ignoreFailures = objects.property(Boolean.class).convention(false);
    }

    @Inject
    protected abstract WorkerExecutor getWorkerExecutor();

    /** The folders (or files) to scan; those that do not exist, and files vforklint does not read, are left out. */
    @Internal
    public abstract ConfigurableFileCollection getSourceDirectories();

    /**
     * The files scanned: those under {@link #getSourceDirectories()} that vforklint reads (C
     * sources and headers, Java and Kotlin sources, and the files where JVMs get options).
     */
    @InputFiles
    @SkipWhenEmpty
    @IgnoreEmptyDirectories
    @PathSensitive(PathSensitivity.RELATIVE)
    public FileTree getSource() {
        return getSourceDirectories().getAsFileTree().matching(f -> f.include(new ReadByVforklint()));
    }

    /**
     * The files a check reads, by the rule the check itself applies. Folders pass: Gradle walks
     * into a folder only when the filter lets it. A class rather than a lambda, so that Gradle can
     * hold it in the configuration cache.
     */
    static final class ReadByVforklint implements Spec<FileTreeElement> {
        @Override
        public boolean isSatisfiedBy(FileTreeElement element) {
            return element.isDirectory() || ScannedFiles.read(element.getFile().toPath());
        }
    }

    /** Include directories, as the compiler's {@code -I}. */
    @InputFiles
    @Optional
    @PathSensitive(PathSensitivity.RELATIVE)
    public abstract ConfigurableFileCollection getIncludeDirectories();

    /**
     * The header folders of the JDK running Gradle ({@code jni.h}, {@code jni_md.h}), which the
     * plugin sets: searched after {@link #getIncludeDirectories()}, so that JNI code parses and a
     * {@code jni.h} named there wins; inputs, so that another JDK's headers make the task run again.
     */
    @InputFiles
    @Optional
    @PathSensitive(PathSensitivity.RELATIVE)
    public abstract ConfigurableFileCollection getJdkIncludeDirectories();

    /** Fail when some file could not be fully analysed (default false: a warning). */
    @Input
    public abstract Property<Boolean> getFailOnIncomplete();

    /** vforklint and its dependencies, as the analysis's own classpath. */
    @Classpath
    public abstract ConfigurableFileCollection getVforklintClasspath();

    @Console
    public abstract Property<Boolean> getShowViolations();

    /** {@code classloader} (default), {@code process}, or {@code none} (the build's own classloader). */
    @Internal
    public abstract Property<String> getIsolation();

    @Internal
    public abstract Property<String> getMaxHeapSize();

    @Internal
    public abstract ListProperty<String> getJvmArgs();

    @Nested
    @Override
    public VforklintReports getReports() {
        return reports;
    }

    @Override
    public VforklintReports reports(Closure closure) {
        closure.setDelegate(reports);
        closure.setResolveStrategy(Closure.DELEGATE_FIRST);
        closure.call(reports);
        return reports;
    }

    @Override
    public VforklintReports reports(Action<? super VforklintReports> configureAction) {
        configureAction.execute(reports);
        return reports;
    }

    @Override
    public void setIgnoreFailures(boolean ignoreFailures) {
        this.ignoreFailures.set(ignoreFailures);
    }

    @Input
    @Override
    public boolean getIgnoreFailures() {
        return ignoreFailures.get();
    }

    /** {@link #getIgnoreFailures()} as a property, for the plugin to give it the extension's value as its convention. */
    Property<Boolean> ignoreFailuresProperty() {
        return ignoreFailures;
    }

    @TaskAction
    public void check() throws IOException {
        Path outcomeFile = new File(getTemporaryDir(), "outcome.properties").toPath();
        Path consoleFile = new File(getTemporaryDir(), "console.txt").toPath();
        Files.deleteIfExists(outcomeFile);
        List<File> roots = new ArrayList<>();
        for (File f : getSourceDirectories().getFiles()) {
            // A named file is scanned as it is, so one vforklint does not read (a README beside the
            // build script) is left out here, as getSource() leaves it out of the inputs.
            if (f.isDirectory() || f.isFile() && ScannedFiles.read(f.toPath())) {
                roots.add(f);
            }
        }
        if (roots.isEmpty()) {
            // Gradle skips the task (NO-SOURCE) before this; a direct call must not scan the whole project either.
            getLogger().info("vforklint: nothing to scan");
            return;
        }
        WorkQueue queue = queue();
        queue.submit(VforklintWork.class, p -> {
            VforklintOptions.copy(this, p);
            p.getSourceDirectories().set(roots);
            Set<File> includeDirectories = new LinkedHashSet<>(getIncludeDirectories().getFiles());
            includeDirectories.addAll(getJdkIncludeDirectories().getFiles());
            p.getIncludeDirectories().set(new ArrayList<>(includeDirectories));
            List<String> wanted = new ArrayList<>();
            for (SingleFileReport report : reports) {
                if (report.getRequired().get()) {
                    wanted.add(VforklintWork.format(report.getName()) + "="
                            + report.getOutputLocation().get().getAsFile().getAbsolutePath());
                }
            }
            p.getReports().set(wanted);
            p.getConsoleFile().fileValue(consoleFile.toFile());
            p.getOutcomeFile().fileValue(outcomeFile.toFile());
        });
        queue.await();
        VforklintWork.Outcome outcome = VforklintWork.Outcome.read(outcomeFile);
        if (VforklintWork.Outcome.ERROR.equals(outcome.status())) {
            throw new GradleException("vforklint: " + outcome.error());
        }
        boolean fails = CheckResult.Status.valueOf(outcome.status()).failsBuild(getFailOnIncomplete().get());
        if (getShowViolations().getOrElse(true) && outcome.problems() > 0 && Files.isRegularFile(consoleFile)) {
            for (String line : Files.readAllLines(consoleFile, StandardCharsets.UTF_8)) {
                getLogger().warn(line);
            }
        }
        if (outcome.problems() > 0) {
            getLogger().warn(outcome.summary());
        } else {
            getLogger().info(outcome.summary());
        }
        if (fails) {
            String message = "vforklint found problems: " + outcome.summary().replaceFirst("^vforklint: ", "")
                    + reportHint();
            if (getIgnoreFailures()) {
                getLogger().warn(message);
            } else {
                throw new VerificationException(message);
            }
        }
    }

    private String reportHint() {
        SingleFileReport sarif = reports.getSarif();
        return sarif.getRequired().get() ? "; see " + sarif.getOutputLocation().get().getAsFile() : "";
    }

    private WorkQueue queue() {
        String isolation = getIsolation().getOrElse("classloader").toLowerCase(Locale.ROOT);
        return switch (isolation) {
            case "classloader" -> getWorkerExecutor().classLoaderIsolation(spec ->
                    spec.getClasspath().from(getVforklintClasspath()));
            case "process" -> getWorkerExecutor().processIsolation(spec -> {
                spec.getClasspath().from(getVforklintClasspath());
                spec.forkOptions(fork -> {
                    if (getMaxHeapSize().isPresent()) {
                        fork.setMaxHeapSize(getMaxHeapSize().get());
                    }
                    fork.jvmArgs(getJvmArgs().get());
                });
            });
            case "none" -> getWorkerExecutor().noIsolation();
            default -> throw new GradleException("vforklint: isolation: expected classloader, process or none, not '"
                    + isolation + "'");
        };
    }
}
