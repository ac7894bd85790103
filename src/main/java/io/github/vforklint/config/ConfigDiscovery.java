package io.github.vforklint.config;

import io.github.vforklint.baseline.ProjectPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the {@code .vforklint.yml} that applies to a scan: the nearest one in the scan root's
 * directory or above it, up to and including the repository root. A file above the repository
 * belongs to some other project (or to the user's home) and is not read.
 */
public final class ConfigDiscovery {

    private ConfigDiscovery() {
    }

    public static Optional<Path> find(Path scanRoot) {
        Path start = scanRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            start = start.getParent();
        }
        Path repository = ProjectPaths.repositoryRoot(start);
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(ConfigFile.NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (dir.equals(repository)) {
                break;
            }
        }
        return Optional.empty();
    }
}
