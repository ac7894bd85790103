package io.github.vforklint.baseline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the paths findings show (relative to the scan's working directory, or absolute) into
 * paths relative to the project's source root, the form that stays the same whichever directory
 * vforklint is run from: SARIF's {@code %SRCROOT%}, baseline entries and fingerprints all use it.
 *
 * @param sourceRoot the repository root, or the working directory outside a repository
 * @param baseDir    the directory findings' relative paths are relative to
 */
public record ProjectPaths(Path sourceRoot, Path baseDir) {

    public ProjectPaths {
        sourceRoot = sourceRoot.toAbsolutePath().normalize();
        baseDir = baseDir.toAbsolutePath().normalize();
    }

    /** The nearest directory at or above {@code dir} that holds {@code .git} (a directory, or a worktree's file). */
    public static Path repositoryRoot(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return null;
    }

    /** Paths for a scan run from {@code baseDir}: rooted at its repository, or at itself outside one. */
    public static ProjectPaths forWorkingDirectory(Path baseDir) {
        Path repository = repositoryRoot(baseDir);
        return new ProjectPaths(repository != null ? repository : baseDir, baseDir);
    }

    /** The file a finding's path names. */
    public Path file(String shownPath) {
        return baseDir.resolve(shownPath).normalize();
    }

    /** Relative to the source root with '/' separators, or absolute when the file is outside it. */
    public String relative(String shownPath) {
        Path file = file(shownPath);
        Path shown = file.startsWith(sourceRoot) ? sourceRoot.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }

    public boolean insideSourceRoot(String shownPath) {
        return file(shownPath).startsWith(sourceRoot);
    }
}
