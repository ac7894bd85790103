package io.github.vforklint.maven;

import io.github.vforklint.api.CheckException;
import io.github.vforklint.api.CheckResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the module's C sources, and its JVM sources and options, for vfork() misuse and fails
 * the build on findings at or above {@code failOnSeverity}. Always writes {@code vforklint.sarif}, {@code vforklint.xml}
 * (Checkstyle) and {@code vforklint.txt} into {@code outputDirectory}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractVforklintMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("vforklint: skipped");
            return;
        }
        ModuleCheck check = checkFor(project, outputDirectory.toPath().toAbsolutePath().normalize());
        ModuleCheck.Outcome outcome;
        try {
            outcome = check.run();
        } catch (CheckException e) {
            throw new MojoFailureException("vforklint: " + e.getMessage());
        }
        Verdicts.report(outcome, false, consoleOutput, failOnIncomplete, getLog());
    }

    /** The verdict of one or more modules' checks, as a build reports it. */
    static final class Verdicts {
        private Verdicts() {
        }

        /** @param named prefix the summary with the module's name (several modules in one log) */
        static void report(ModuleCheck.Outcome outcome, boolean named, boolean consoleOutput, boolean failOnIncomplete,
                           org.apache.maven.plugin.logging.Log log) throws MojoFailureException {
            boolean fails = outcome.status().failsBuild(failOnIncomplete);
            String summary = named ? outcome.summary().replaceFirst("^vforklint: ", "vforklint: " + outcome.module() + ": ")
                    : outcome.summary();
            if (consoleOutput && outcome.findings() > 0) {
                for (String line : ModuleCheck.textLines(outcome)) {
                    if (fails) {
                        log.error(line);
                    } else {
                        log.warn(line);
                    }
                }
            }
            if (outcome.findings() == 0) {
                log.info(summary);
            } else {
                log.warn(summary);
            }
            if (outcome.status() == CheckResult.Status.INCOMPLETE && !failOnIncomplete) {
                log.warn("vforklint: some files were not fully analysed (see " + outcome.text()
                        + "); failOnIncomplete=true fails the build on this");
            }
            if (fails) {
                throw new MojoFailureException("vforklint found problems in " + outcome.module() + ": "
                        + outcome.summary().replaceFirst("^vforklint: ", "") + "; see " + outcome.text() + " and "
                        + outcome.sarif());
            }
        }
    }
}
