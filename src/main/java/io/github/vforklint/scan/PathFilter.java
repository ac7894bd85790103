package io.github.vforklint.scan;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Which files of the walked tree a scan takes: excluded files and directories are skipped; among
 * files found by walking, only included ones are taken. A file named directly is always taken.
 */
public record PathFilter(Predicate<Path> excluded, Predicate<Path> included) {

    public static PathFilter all() {
        return new PathFilter(p -> false, p -> true);
    }
}
