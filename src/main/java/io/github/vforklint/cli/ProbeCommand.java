package io.github.vforklint.cli;

import io.github.vforklint.probe.LatencyPlot;
import io.github.vforklint.probe.PlatformMatrix;
import io.github.vforklint.probe.Probe;
import io.github.vforklint.probe.ProbeException;
import io.github.vforklint.probe.ProbeJson;
import io.github.vforklint.probe.ProbeOptions;
import io.github.vforklint.probe.ProbeReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vforklint probe}: compiles the bundled C probe, runs it and reports what vfork is here. */
@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        subcommands = {ProbeCommand.MatrixCommand.class},
        description = {
            "Measures on this machine whether vfork() is a real vfork (memory shared, parent suspended)"
                    + " and what it saves over fork(), by compiling and running a small C program.",
            "Exit codes: 0 measured; 2 bad option or no compiler; 3 the compile or the run failed."
        },
        footer = {
            "",
            "Examples:",
            "  vforklint probe",
            "  vforklint probe --quick --run-with valgrind",
            "  vforklint probe --cc aarch64-linux-gnu-gcc --run-with 'qemu-aarch64 -L /usr/aarch64-linux-gnu' --quick",
            "  vforklint probe --sizes 2M,64M,1G --plot cost.png --record results/",
            "  vforklint probe matrix results/"
        })
public final class ProbeCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--cc", paramLabel = "CMD",
            description = "C compiler command, arguments allowed (default: first of cc, gcc, clang on PATH).")
    String cc;

    @Option(names = "--cflags", paramLabel = "FLAGS", defaultValue = ProbeOptions.DEFAULT_CFLAGS,
            description = "Compiler flags, e.g. '-O2 -static' (default: ${DEFAULT-VALUE}).")
    String cflags;

    @Option(names = "--run-with", paramLabel = "CMD",
            description = "Run the probe under this command, e.g. valgrind or 'qemu-aarch64 -L /usr/aarch64-linux-gnu'.")
    String runWith;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the probe's JSON plus the command lines used.")
    Format format;

    @Option(names = "--quick", description = "Measure semantics only, not the latency table.")
    boolean quick;

    @Option(names = "--sizes", paramLabel = "LIST",
            description = "Parent resident sizes for the latency table (default: " + ProbeOptions.DEFAULT_SIZES
                    + "), e.g. 2M,64M,1G,4G.")
    String sizes;

    @Option(names = "--trials", paramLabel = "N", description = "Semantic trials per mechanism (default: 3).")
    Integer trials;

    @Option(names = "--iterations", paramLabel = "N",
            description = "At most N timed runs per latency cell (default: 400, and at most ~40 ms per cell).")
    Integer iterations;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up on a compile or run after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw latency against parent size into FILE (.png or .svg).")
    Path plot;

    @Option(names = "--record", paramLabel = "DIR", description = "Also save the result as DIR/<platform>.json.")
    Path record;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ProbeOptions options = ProbeOptions.defaults().withCc(cc).withCflags(cflags).withRunWith(runWith)
                    .withQuick(quick).withSizes(sizes).withTrials(trials).withIterations(iterations)
                    .withTimeout(Duration.ofSeconds(timeoutSeconds));
            if (plot != null && quick) {
                throw new ProbeException(ExitCode.USAGE, "--plot needs the latency table; drop --quick");
            }
            Probe.Outcome outcome = Probe.run(options);
            if (format == Format.json) {
                out.println(ProbeJson.MAPPER.writeValueAsString(outcome.json()));
            } else {
                new ProbeReportWriter(out).write(outcome.result());
            }
            if (plot != null) {
                LatencyPlot.write(outcome.result(), plot);
                err.println("vforklint probe: plot written to " + plot);
            }
            if (record != null) {
                Path file = PlatformMatrix.record(outcome, record);
                err.println("vforklint probe: result recorded in " + file);
            }
            out.flush();
            return ExitCode.OK.code();
        } catch (ProbeException e) {
            return fail(err, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return fail(err, new ProbeException(ExitCode.INTERNAL, "cannot print the JSON: " + e.getOriginalMessage()));
        }
    }

    static int fail(PrintWriter err, ProbeException e) {
        err.println("vforklint probe: error: " + e.getMessage());
        err.flush();
        return e.exitCode().code();
    }

    /** {@code vforklint probe matrix DIR}: the recorded results side by side. */
    @Command(name = "matrix", mixinStandardHelpOptions = true,
            description = "Prints the platform matrix of the results recorded with --record DIR, as a markdown table.")
    static final class MatrixCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Directory given to --record.")
        Path dir;

        @Override
        public Integer call() {
            try {
                PlatformMatrix.print(PlatformMatrix.load(dir), spec.commandLine().getOut());
                return ExitCode.OK.code();
            } catch (ProbeException e) {
                return fail(spec.commandLine().getErr(), e);
            }
        }
    }
}
