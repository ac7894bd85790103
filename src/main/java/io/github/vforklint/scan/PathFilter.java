package io.github.vforklint.scan;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which files of the walked tree a scan takes: excluded files and directories are skipped; among
 * files found by walking, only included ones are taken. A file named directly is always taken.
 */
public record PathFilter(Predicate<Path> excluded, Predicate<Path> included) {

    public static PathFilter all() {
        return new PathFilter(p -> false, p -> true);
    }

    /** Globs matched against paths relative to {@code baseDir} or against the file name, as {@code --exclude} takes them. */
    public static PathFilter excludingGlobs(Path baseDir, List<String> globs) {
        List<PathMatcher> matchers = globs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        Path base = baseDir.toAbsolutePath().normalize();
        return new PathFilter(path -> {
            Path relative = path.startsWith(base) ? base.relativize(path) : path;
            return matchers.stream().anyMatch(m -> m.matches(relative) || path.getFileName() != null
                    && m.matches(path.getFileName()));
        }, p -> true);
    }
}
