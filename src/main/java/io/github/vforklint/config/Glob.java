package io.github.vforklint.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file glob and the directory it is relative to: the working directory for one given on the
 * command line, the configuration file's directory for one written there. A glob matches a path
 * relative to its base, or a bare file or directory name ({@code --exclude '*_test.c'}).
 *
 * <p>The syntax is {@link java.nio.file.FileSystem#getPathMatcher}'s ({@code *}, {@code **},
 * {@code ?}, {@code [a-z]}, {@code [!a]}, {@code {a,b}}), but matched by RE2/J in time linear in
 * the path: a glob can come from a configuration file in the scanned tree, and the JDK's
 * backtracking matcher lets {@code **a**a**a...b} stall a scan.
 */
public final class Glob {

    private final Path base;
    private final String pattern;
    private final Pattern matcher;

    /** @throws IllegalArgumentException for a pattern that is not a glob */
    public Glob(Path base, String pattern) {
        this.base = base.toAbsolutePath().normalize();
        this.pattern = pattern;
        try {
            this.matcher = Pattern.compile(GlobSyntax.toRegex(pattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public Path base() {
        return base;
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(Path absolute) {
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return matcher.matches(relative.toString())
                || (absolute.getFileName() != null && matcher.matches(absolute.getFileName().toString()));
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
