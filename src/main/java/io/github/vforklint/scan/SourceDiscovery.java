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

/** The C sources ({@code .c}, {@code .h}) under the given paths, minus excluded globs and hidden directories. */
final class SourceDiscovery {

    private final Path baseDir;
    private final List<PathMatcher> excludes = new ArrayList<>();

    SourceDiscovery(Path baseDir, List<String> excludeGlobs) {
        this.baseDir = baseDir;
        for (String glob : excludeGlobs) {
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
    }

    /** @throws IllegalArgumentException for a path that does not exist */
    List<Path> find(List<Path> roots) {
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
                    if ((name.endsWith(".c") || name.endsWith(".h")) && attrs.isRegularFile() && !excluded(file)) {
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
        Path relative = path.startsWith(baseDir) ? baseDir.relativize(path) : path;
        for (PathMatcher m : excludes) {
            if (m.matches(relative) || m.matches(path.getFileName())) {
                return true;
            }
        }
        return false;
    }
}
