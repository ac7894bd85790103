package io.github.vforklint.integrations;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * vforklint as a program, for the tests that run it as CI does: a jar holding only a manifest
 * whose class path is the classes just compiled and the runtime dependencies (the -cli jar is
 * built after the tests).
 */
final class VforklintProgram {

    static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();

    private VforklintProgram() {
    }

    static Path jar(Path dir) throws IOException {
        Path classpathFile = Path.of(System.getProperty("vforklint.runtimeClasspath",
                ROOT.resolve("target/runtime-classpath.txt").toString()));
        List<String> entries = new ArrayList<>();
        entries.add(ROOT.resolve("target/classes").toUri().toString());
        for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toUri().toString());
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.github.vforklint.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
        Path jar = dir.resolve("vforklint-test.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            // a manifest is all it holds
        }
        return jar;
    }

    /** Runs a command to its end; its output and error together. */
    record Run(int code, String output) {
    }

    static Run run(Path workDir, java.util.Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }
}
