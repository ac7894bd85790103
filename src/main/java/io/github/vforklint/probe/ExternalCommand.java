package io.github.vforklint.probe;

import io.github.vforklint.shell.ShellWords;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion with its output in files (no pipe can fill up and stall it) and
 * finds programs on PATH, so that "not installed" can be told apart from "failed".
 */
final class ExternalCommand {
    record Result(int exitCode, String stdout, String stderr) {}

    private ExternalCommand() {}

    static Optional<Path> findExecutable(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the result, or throws {@link IOException} when the program cannot be started and
     * {@link ProbeException} (INCOMPLETE) when it outlives {@code timeout}.
     */
    static Result run(List<String> command, Path workDir, Duration timeout, String what)
            throws IOException, ProbeException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw ProbeException.incomplete(what + " did not finish within " + timeout.toSeconds()
                        + " s: " + ShellWords.join(command) + " (raise --timeout for slow emulators)");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw ProbeException.incomplete(what + " was interrupted");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The last lines of a tool's error output: enough to see the cause, short enough to read. */
    static String tail(String text, int maxLines) {
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - maxLines);
        StringBuilder out = new StringBuilder();
        for (int i = from; i < lines.length; i++) {
            out.append("\n  ").append(lines[i]);
        }
        return out.toString();
    }
}
