package io.github.vforklint.probe;

import io.github.vforklint.shell.ShellWords;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds the bundled probe in a temporary directory, runs it and reads the result. */
public final class Probe {
    private Probe() {}

    /**
     * @param json the probe's document plus vforklint's "invocation" member, as passed through by
     *     {@code --format json} and saved by {@code --record}
     */
    public record Outcome(ProbeResult result, ObjectNode json) {}

    public static Outcome run(ProbeOptions options) throws ProbeException {
        options.validate();
        ProbeCompiler compiler = ProbeCompiler.resolve(options.cc());
        List<String> cflags = CommandWords.split(options.cflags());
        List<String> runWith = CommandWords.split(options.runWith());
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vforklint-probe");
            Path source = ProbeSource.extractTo(dir);
            List<String> compile = compiler.compile(source, dir.resolve("vforkprobe"), cflags);
            ProbeRun.Output output = ProbeRun.run(dir.resolve("vforkprobe"), runWith, options.probeArguments(),
                    options.timeout());
            ObjectNode json = output.json();
            ObjectNode invocation = json.putObject("invocation");
            compile.forEach(invocation.putArray("compile")::add);
            output.command().forEach(invocation.putArray("run")::add);
            if (!runWith.isEmpty()) {
                invocation.put("run_with", ShellWords.join(runWith));
            }
            invocation.put("recorded_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            return new Outcome(ProbeJson.bind(json), json);
        } catch (IOException e) {
            throw ProbeException.incomplete("cannot prepare the probe in a temporary directory: " + e.getMessage());
        } finally {
            TempDirs.deleteRecursively(dir);
        }
    }
}
