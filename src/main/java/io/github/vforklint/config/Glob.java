package io.github.vforklint.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A file glob and the directory it is relative to: the working directory for one given on the
 * command line, the configuration file's directory for one written there. A glob matches a path
 * relative to its base, or a bare file or directory name ({@code --exclude '*_test.c'}).
 */
public record Glob(Path base, String pattern) {

    public Glob {
        base = base.toAbsolutePath().normalize();
    }

    public boolean matches(Path absolute) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return matcher.matches(relative) || (absolute.getFileName() != null && matcher.matches(absolute.getFileName()));
    }
}
