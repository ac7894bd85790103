package io.github.vforklint.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The C probe as shipped inside the jar (the pom copies native-probe/ there). */
public final class ProbeSource {
    static final String RESOURCE_DIR = "native-probe/";
    static final String MAIN_FILE = "vforkprobe.c";
    private static final List<String> FILES = List.of(MAIN_FILE, "Makefile");

    private ProbeSource() {}

    /** Writes the bundled files into {@code dir} and returns the path of the C file. */
    public static Path extractTo(Path dir) throws IOException {
        for (String name : FILES) {
            Files.write(dir.resolve(name), read(name));
        }
        return dir.resolve(MAIN_FILE);
    }

    public static String text(String name) {
        try {
            return new String(read(name), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = ProbeSource.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                // Only a broken build gets here: the pom always packs native-probe/ into the jar.
                throw new IOException("resource " + RESOURCE_DIR + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }
}
