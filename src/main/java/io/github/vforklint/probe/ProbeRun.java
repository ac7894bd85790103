package io.github.vforklint.probe;

import io.github.vforklint.shell.ShellWords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a compiled probe, possibly under a wrapper such as valgrind or qemu, and reads its JSON. */
public final class ProbeRun {
    private ProbeRun() {}

    /** The probe's JSON as printed, and the command line that produced it. */
    public record Output(ObjectNode json, List<String> command) {}

    public static Output run(Path binary, List<String> runWith, List<String> probeArgs, Duration timeout)
            throws ProbeException {
        List<String> command = new ArrayList<>(runWith);
        command.add(binary.toString());
        command.addAll(probeArgs);
        if (!runWith.isEmpty() && ExternalCommand.findExecutable(runWith.get(0)).isEmpty()) {
            throw ProbeException.usage("--run-with program '" + runWith.get(0) + "' not found"
                    + (runWith.get(0).contains("/") ? "" : " on PATH"));
        }
        ExternalCommand.Result result;
        try {
            result = ExternalCommand.run(command, binary.getParent(), timeout, "the probe");
        } catch (IOException e) {
            throw ProbeException.incomplete("cannot start the probe: " + ShellWords.join(command) + ": " + e.getMessage());
        }
        if (result.exitCode() != 0) {
            throw ProbeException.incomplete("the probe run failed (exit code " + result.exitCode() + "): "
                    + ShellWords.join(command) + ExternalCommand.tail(result.stderr(), 15));
        }
        JsonNode json;
        try {
            // the probe promises nothing on stdout but its document: anything after it is an error
            json = ProbeJson.MAPPER.readerFor(JsonNode.class)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(result.stdout());
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (!(json instanceof ObjectNode object) || json.path("schema").asInt() != ProbeResult.SCHEMA) {
            throw ProbeException.incomplete("the probe printed no schema-" + ProbeResult.SCHEMA
                    + " JSON document (did --run-with write to stdout?): " + ShellWords.join(command)
                    + ExternalCommand.tail(result.stdout(), 5));
        }
        return new Output(object, List.copyOf(command));
    }
}
