package io.github.vforklint.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Objects;

/**
 * A file glob and the directory it is relative to: the working directory for one given on the
 * command line, the configuration file's directory for one written there. A glob matches a path
 * relative to its base, or a bare file or directory name ({@code --exclude '*_test.c'}).
 */
public final class Glob {

    private final Path base;
    private final String pattern;
    private final PathMatcher matcher;

    /** @throws IllegalArgumentException for a pattern that is not a glob */
    public Glob(Path base, String pattern) {
        this.base = base.toAbsolutePath().normalize();
        this.pattern = pattern;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }

    public Path base() {
        return base;
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(Path absolute) {
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return matcher.matches(relative) || (absolute.getFileName() != null && matcher.matches(absolute.getFileName()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.base.equals(base) && g.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, pattern);
    }

    @Override
    public String toString() {
        return base + ":" + pattern;
    }
}
