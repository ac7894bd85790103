package io.github.vforklint.probe;

import io.github.vforklint.shell.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles the probe with the user's compiler, or the first of cc, gcc, clang on PATH. */
public final class ProbeCompiler {
    static final List<String> DEFAULT_COMPILERS = List.of("cc", "gcc", "clang");
    private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(2);

    private final List<String> compiler;

    private ProbeCompiler(List<String> compiler) {
        this.compiler = compiler;
    }

    /**
     * @param cc the {@code --cc} value, possibly with arguments ("ccache gcc"), or null for the
     *     default search
     */
    public static ProbeCompiler resolve(String cc) throws ProbeException {
        if (cc == null || cc.isBlank()) {
            for (String candidate : DEFAULT_COMPILERS) {
                if (ExternalCommand.findExecutable(candidate).isPresent()) {
                    return new ProbeCompiler(List.of(candidate));
                }
            }
            throw ProbeException.usage("no C compiler found: none of " + String.join(", ", DEFAULT_COMPILERS)
                    + " is on PATH; install one or name it with --cc");
        }
        List<String> words = CommandWords.split(cc);
        if (words.isEmpty()) {
            throw ProbeException.usage("--cc is empty");
        }
        if (ExternalCommand.findExecutable(words.get(0)).isEmpty()) {
            throw ProbeException.usage("C compiler '" + words.get(0) + "' not found"
                    + (words.get(0).contains("/") ? "" : " on PATH") + " (from --cc " + cc + ")");
        }
        return new ProbeCompiler(List.copyOf(words));
    }

    public List<String> command() {
        return compiler;
    }

    /** Compiles {@code source} into {@code binary}; returns the command line used. */
    public List<String> compile(Path source, Path binary, List<String> cflags) throws ProbeException {
        List<String> command = new ArrayList<>(compiler);
        command.addAll(cflags);
        muslVersionDefine(cflags).ifPresent(command::add);
        command.addAll(List.of("-o", binary.toString(), source.toString()));
        ExternalCommand.Result result;
        try {
            result = ExternalCommand.run(command, source.getParent(), COMPILE_TIMEOUT, "the compiler");
        } catch (IOException e) {
            throw ProbeException.usage("cannot run the C compiler: " + ShellWords.join(command) + ": " + e.getMessage());
        }
        if (result.exitCode() != 0 || !Files.isExecutable(binary)) {
            throw ProbeException.incomplete("compiling the probe failed (exit code " + result.exitCode() + "): "
                    + ShellWords.join(command) + ExternalCommand.tail(result.stderr() + result.stdout(), 15));
        }
        return command;
    }

    /**
     * musl has neither a version macro nor a version API; its dynamic loader prints the version.
     * Only the host's musl wrappers use the host's loader, so cross toolchains are left alone.
     */
    private Optional<String> muslVersionDefine(List<String> cflags) {
        String name = Path.of(compiler.get(0)).getFileName().toString();
        if (!(name.equals("musl-gcc") || name.equals("musl-clang"))
                || cflags.stream().anyMatch(f -> f.contains("VFP_LIBC_VERSION"))) {
            return Optional.empty();
        }
        String machine = switch (System.getProperty("os.arch")) {
            case "amd64" -> "x86_64";
            case "x86" -> "i386";
            default -> System.getProperty("os.arch");
        };
        Path loader = Path.of("/lib/ld-musl-" + machine + ".so.1");
        if (!Files.isExecutable(loader)) {
            return Optional.empty();
        }
        try {
            Path tmp = Files.createTempDirectory("vforklint-musl");
            try {
                ExternalCommand.Result r = ExternalCommand.run(List.of(loader.toString()), tmp,
                        Duration.ofSeconds(5), "the musl loader");
                Matcher m = Pattern.compile("(?m)^Version (\\S+)").matcher(r.stderr() + r.stdout());
                return m.find() ? Optional.of("-DVFP_LIBC_VERSION=\"" + m.group(1) + "\"") : Optional.empty();
            } finally {
                TempDirs.deleteRecursively(tmp);
            }
        } catch (IOException | ProbeException e) {
            return Optional.empty(); // the version is a nicety; the probe reports it as unknown
        }
    }
}
