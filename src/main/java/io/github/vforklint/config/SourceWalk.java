package io.github.vforklint.config;

import io.github.vforklint.scan.SourceDiscovery;

import java.nio.file.Path;
import java.util.List;

/**
 * The C files ({@code .c}, {@code .h}) a check covers, chosen as the scanner chooses them (hidden
 * directories skipped, a file named on the command line always taken) and, on top, by the
 * include and exclude globs of the configuration file. The suppression step needs this list to
 * find unused suppressions, and the scanner gets it instead of the roots when a configuration
 * file narrows the selection (the scanner knows only command-line excludes).
 */
public final class SourceWalk {

    private final List<Glob> includes;
    private final List<Glob> excludes;

    public SourceWalk(List<Glob> includes, List<Glob> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** @throws IllegalArgumentException for a root that does not exist */
    public List<Path> files(List<Path> roots) {
        return new SourceDiscovery(path -> excludes.stream().anyMatch(g -> g.matches(path)),
                path -> includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(path))).find(roots);
    }
}
