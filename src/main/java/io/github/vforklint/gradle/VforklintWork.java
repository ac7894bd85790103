package io.github.vforklint.gradle;

import io.github.vforklint.api.BuildOptions;
import io.github.vforklint.api.Check;
import io.github.vforklint.api.CheckException;
import io.github.vforklint.api.CheckResult;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.report.ReportSettings;
import io.github.vforklint.report.SarifCategory;
import io.github.vforklint.rules.RuleCatalogue;
import org.gradle.api.file.RegularFileProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.workers.WorkAction;
import org.gradle.workers.WorkParameters;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The analysis, as a Worker API work action: runs the check through the library and writes the
 * reports asked for, then the outcome ({@link Outcome}) for the task to read back; a check that
 * cannot run (a bad option, configuration file or baseline) is an outcome too, so its message
 * reaches the build log as it stands.
 */
public abstract class VforklintWork implements WorkAction<VforklintWork.Parameters> {

    /** What the task hands the work action: its options, plain files and values, nothing of the project. */
    public interface Parameters extends WorkParameters, VforklintOptions {

        /** The folders and files to scan, those that exist. */
        ListProperty<File> getSourceDirectories();

        ListProperty<File> getIncludeDirectories();

        /** Each {@code FORMAT=FILE}. */
        ListProperty<String> getReports();

        /** The text report for the build log. */
        RegularFileProperty getConsoleFile();

        RegularFileProperty getOutcomeFile();
    }

    /** What became of a check, as the work action leaves it for the task. */
    public record Outcome(String status, String summary, int problems, String error) {

        static final String ERROR = "ERROR";

        void write(Path file) {
            Properties p = new Properties();
            p.setProperty("status", status);
            p.setProperty("summary", summary == null ? "" : summary);
            p.setProperty("problems", String.valueOf(problems));
            if (error != null) {
                p.setProperty("error", error);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "vforklint work action outcome");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        static Outcome read(Path file) throws IOException {
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            return new Outcome(p.getProperty("status"), p.getProperty("summary"),
                    Integer.parseInt(p.getProperty("problems", "0")), p.getProperty("error"));
        }
    }

    @Override
    public void execute() {
        Parameters p = getParameters();
        Path outcomeFile = p.getOutcomeFile().get().getAsFile().toPath();
        Outcome outcome;
        try {
            outcome = check(p);
        } catch (CheckException e) {
            outcome = new Outcome(Outcome.ERROR, null, 0, e.getMessage());
        }
        outcome.write(outcomeFile);
    }

    private static Outcome check(Parameters p) throws CheckException {
        BuildOptions options = new BuildOptions(p.getBaseDirectory().get().getAsFile().toPath(),
                p.getModuleDirectory().get().getAsFile().toPath(), RuleCatalogue.load())
                .paths(p.getSourceDirectories().get().stream().map(File::toPath).toList())
                .includeDirs(p.getIncludeDirectories().get().stream().map(File::toPath).toList())
                .configFile(file(p.getConfigFile()))
                .discoverConfig(false)
                .baseline(file(p.getBaselineFile()))
                .compileCommands(file(p.getCompileCommands()))
                .profile(p.getProfile().getOrNull())
                .select(p.getSelect().get())
                .ignore(p.getIgnore().get())
                .severities(p.getSeverities().get())
                .defines(p.getDefines().get())
                .undefines(p.getUndefines().get())
                .excludes(p.getExcludes().get())
                .failOn(p.getFailOnSeverity().getOrNull())
                .requireReason(p.getRequireReason().getOrNull())
                .jobs(p.getJobs().getOrNull());
        if (p.getMaxDepth().isPresent()) {
            options.maxDepth(p.getMaxDepth().get());
        }
        if (p.getMaxHelperReach().isPresent()) {
            options.maxHelperReach(p.getMaxHelperReach().get());
        }
        if (p.getMaxConfigs().isPresent()) {
            options.maxConfigs(p.getMaxConfigs().get());
        }
        if (p.getExploreConfigs().isPresent()) {
            options.exploreConfigs(p.getExploreConfigs().get());
        }
        if (p.getFileTimeout().isPresent()) {
            options.fileTimeout(p.getFileTimeout().get());
        }
        SarifCategory category;
        try {
            category = SarifCategory.parse(p.getSarifCategory().getOrElse(SarifCategory.DEFAULT.name()));
        } catch (IllegalArgumentException e) {
            throw new CheckException("sarifCategory: " + e.getMessage());
        }
        CheckResult result = Check.prepare(options.toRequest()).run();
        ReportSettings settings = result.reportSettings(false, false).withSarifCategory(category);
        for (String report : p.getReports().get()) {
            int eq = report.indexOf('=');
            write(result, ReportFormat.parse(report.substring(0, eq)), settings, Path.of(report.substring(eq + 1)));
        }
        if (p.getConsoleFile().isPresent()) {
            write(result, ReportFormat.TEXT, settings, p.getConsoleFile().get().getAsFile().toPath());
        }
        return new Outcome(result.status().name(), result.summary(),
                result.result().findings().size() + result.result().diagnostics().size(), null);
    }

    private static void write(CheckResult result, ReportFormat format, ReportSettings settings, Path file)
            throws CheckException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new CheckException("cannot create the folder of " + file + ": " + e.getMessage());
        }
        result.writeReport(format, settings, file);
    }

    private static Path file(RegularFileProperty property) {
        return property.isPresent() ? property.get().getAsFile().toPath() : null;
    }

    /** The format a report of the container is written in: its name, but xml is Checkstyle's. */
    static String format(String reportName) {
        return reportName.equals("xml") ? ReportFormat.CHECKSTYLE.label() : reportName;
    }
}
