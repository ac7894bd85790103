package io.github.vforklint.api;

import io.github.vforklint.frontend.c.CFrontEnd;
import io.github.vforklint.frontend.java.JvmFrontEnd;

import java.nio.file.Path;

/**
 * Which files a check reads, by name and folder alone, as the front ends decide it during a
 * scan: C sources and headers, Java and Kotlin sources, and the files where JVMs get their
 * options (POMs, {@code .mvn/jvm.config}, Gradle scripts and properties, Dockerfiles, shell
 * scripts, YAML, systemd units). The Gradle plugin declares its task inputs with it, so that
 * what Gradle hashes is what the check reads.
 */
public final class ScannedFiles {

    private static final JvmFrontEnd JVM = new JvmFrontEnd(null);

    private ScannedFiles() {
    }

    /** Whether a check that walks a folder holding {@code file} reads it. */
    public static boolean read(Path file) {
        return CFrontEnd.isC(file) || JVM.reads(file);
    }
}
