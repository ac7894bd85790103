package io.github.vforklint.frontend.c;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new ProbeException(String.join(" ", command) + " failed (exit " + process.exitValue() + ")");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProbeException("cannot run the C compiler '" + compiler + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while asking " + compiler + " for its include path");
        }
    }
}
