package io.github.vforklint.frontend.c;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the local C compiler (never anything from the scanned tree) for its system include search
 * path ({@code cc -E -v}) and predefined macros ({@code cc -dM -E}), for {@code --system-includes}.
 */
public final class CompilerProbe {

    /** How long one compiler question may take; cc answers both in milliseconds. */
    static final int TIMEOUT_SECONDS = 10;
    private static final int MAX_OUTPUT_BYTES = 16 << 20;
    private static final Pattern DEFINE = Pattern.compile("^#define (\\w+)(?: (.*))?$");

    /** The compiler could not be run or did not answer as expected. */
    public static final class ProbeException extends Exception {
        public ProbeException(String message) {
            super(message);
        }
    }

    /** What the compiler told. */
    public record Toolchain(List<Path> searchPath, Map<String, String> defines) {
    }

    private CompilerProbe() {
    }

    public static Toolchain probe(String compiler) throws ProbeException {
        String verbose = run(compiler, "-E", "-v", "-x", "c", "/dev/null");
        List<Path> dirs = new ArrayList<>();
        boolean inList = false;
        for (String line : verbose.split("\\R")) {
            if (line.startsWith("#include <...> search starts here:")) {
                inList = true;
            } else if (line.startsWith("End of search list.")) {
                inList = false;
            } else if (inList && line.startsWith(" ")) {
                dirs.add(Path.of(line.trim().replace(" (framework directory)", "")));
            }
        }
        if (dirs.isEmpty()) {
            throw new ProbeException(compiler + " -E -v did not list a system include search path");
        }
        Map<String, String> defines = new LinkedHashMap<>();
        for (String line : run(compiler, "-dM", "-E", "-x", "c", "/dev/null").split("\\R")) {
            Matcher m = DEFINE.matcher(line);
            if (m.matches()) {
                defines.put(m.group(1), m.group(2) == null ? "" : m.group(2));
            }
        }
        return new Toolchain(List.copyOf(dirs), defines);
    }

    private static String run(String compiler, String... args) throws ProbeException {
        List<String> command = new ArrayList<>();
        command.add(compiler);
        command.addAll(List.of(args));
        Path output = null;
        Process process = null;
        try {
            // Output to a file, not a pipe: reading a pipe to its end would wait for a hung compiler (or
            // anything it left running holding the pipe) forever, and the timeout would never be reached.
            output = Files.createTempFile("vforklint-cc", ".txt");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ProbeException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS
                        + " s (it was stopped)");
            }
            if (process.exitValue() != 0) {
                throw new ProbeException(String.join(" ", command) + " failed (exit " + process.exitValue() + ")");
            }
            try (InputStream in = Files.newInputStream(output)) {
                byte[] bytes = in.readNBytes(MAX_OUTPUT_BYTES + 1);
                if (bytes.length > MAX_OUTPUT_BYTES) {
                    throw new ProbeException(String.join(" ", command) + " wrote more than " + (MAX_OUTPUT_BYTES >> 20)
                            + " MiB, more than any compiler's answer");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ProbeException("cannot run the C compiler '" + compiler + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while asking " + compiler + " for its include path");
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // A temporary file left behind is not worth failing the scan for.
                }
            }
        }
    }
}
