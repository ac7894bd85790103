package io.github.vforklint.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The C sources ({@code .c}, {@code .h}) under the given paths: hidden directories skipped,
 * excluded paths skipped, and, among files found by walking, only the included ones. A file named
 * directly is always taken. The scanner and the configuration's include/exclude globs both walk
 * the tree through this class.
 */
public final class SourceDiscovery {

    private final java.util.function.Predicate<Path> excluded;
    private final java.util.function.Predicate<Path> included;

    public SourceDiscovery(java.util.function.Predicate<Path> excluded, java.util.function.Predicate<Path> included) {
        this.excluded = excluded;
        this.included = included;
    }

    /** The command line's {@code --exclude} globs, matched against paths relative to {@code baseDir} or against the file name. */
    static SourceDiscovery excludingGlobs(Path baseDir, List<String> excludeGlobs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : excludeGlobs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        return new SourceDiscovery(path -> {
            Path relative = path.startsWith(baseDir) ? baseDir.relativize(path) : path;
            return matchers.stream().anyMatch(m -> m.matches(relative) || m.matches(path.getFileName()));
        }, path -> true);
    }

    /** @throws IllegalArgumentException for a path that does not exist */
    public List<Path> find(List<Path> roots) {
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new IllegalArgumentException("no such file or directory: " + root);
            }
            if (Files.isRegularFile(absolute)) {
                files.add(absolute);
                continue;
            }
            walk(absolute, files);
        }
        return new ArrayList<>(files);
    }

    private void walk(Path root, TreeSet<Path> files) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                    return hidden || excluded(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if ((name.endsWith(".c") || name.endsWith(".h")) && attrs.isRegularFile() && !excluded(file)
                            && included.test(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean excluded(Path path) {
        return excluded.test(path);
    }
}
