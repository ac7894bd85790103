package io.github.vforklint.maven;

import io.github.vforklint.api.Aggregate;
import io.github.vforklint.api.CheckException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every module of the build and writes one SARIF file for all of them (one run, in the
 * category {@code sarifCategory} names, {@code vforklint/} by default, paths relative to the
 * repository root), which GitHub code scanning takes in
 * one upload. The top project's configuration of the plugin applies to every module (per-module
 * settings belong in a module's {@code .vforklint.yml}). A module's result from its own
 * {@code check}, made with the same options and unchanged since, is reused; other modules are
 * checked into {@code outputDirectory/modules/}. Fails the build as {@code check} does, naming
 * every module with findings.
 */
@Mojo(name = "aggregate", defaultPhase = LifecyclePhase.VERIFY, aggregator = true, threadSafe = true)
public class AggregateMojo extends AbstractVforklintMojo {

    /** The one SARIF file for the whole build. */
    @Parameter(property = "vforklint.aggregateFile",
            defaultValue = "${project.build.directory}/vforklint/vforklint-aggregate.sarif")
    File aggregateFile;

    @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
    List<MavenProject> reactorProjects;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("vforklint: skipped");
            return;
        }
        Path rootDir = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        if (!output.startsWith(rootDir)) {
            throw new MojoFailureException("vforklint: aggregate needs an outputDirectory inside the project (each module"
                    + " gets the same folder in its own directory), not " + output);
        }
        List<Path> reports = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        MojoFailureException first = null;
        for (MavenProject module : reactorProjects) {
            // The module's check goal keeps its result where this folder is in the module; when it was
            // made with the same options it is reused, else the module is checked into this build's
            // own folder, so that the module's reports are never replaced by ones made with other options.
            Path moduleDir = module.getBasedir().toPath().toAbsolutePath().normalize();
            Path ownOutput = moduleDir.resolve(rootDir.relativize(output)).normalize();
            String name = rootDir.equals(moduleDir) ? "_root" : rootDir.relativize(moduleDir).toString().replace('/', '_');
            ModuleCheck.Outcome outcome;
            try {
                outcome = checkFor(module, ownOutput).writingTo(output.resolve("modules").resolve(name)).run();
            } catch (CheckException e) {
                throw new MojoFailureException("vforklint: " + module.getArtifactId() + ": " + e.getMessage());
            }
            if (!outcome.scanned()) {
                getLog().debug(outcome.summary());
                continue;
            }
            reports.add(outcome.sarif());
            try {
                CheckMojo.Verdicts.report(outcome, true, consoleOutput, failOnIncomplete, getLog());
            } catch (MojoFailureException e) {
                failing.add(module.getArtifactId());
                if (first == null) {
                    first = e;
                }
            }
        }
        Path target = aggregateFile.toPath().toAbsolutePath().normalize();
        try {
            java.nio.file.Files.createDirectories(target.getParent());
            Aggregate.writeSarif(reports, buildRoot(), buildCategory(), target);
        } catch (CheckException | java.io.IOException e) {
            throw new MojoFailureException("vforklint: " + e.getMessage());
        }
        getLog().info("vforklint: " + reports.size() + " module" + (reports.size() == 1 ? "" : "s")
                + " in " + target);
        if (!failing.isEmpty()) {
            throw new MojoFailureException("vforklint found problems in " + String.join(", ", failing)
                    + "; all of them are in " + target, first);
        }
    }
}
