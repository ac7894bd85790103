package io.github.vforklint.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

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
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new IllegalArgumentException("no such file or directory: " + root);
            }
            if (Files.isRegularFile(absolute)) {
                files.add(absolute);
            } else {
                walk(absolute, files);
            }
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
                            && included(file)) {
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
        return excludes.stream().anyMatch(g -> g.matches(path));
    }

    private boolean included(Path file) {
        return includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(file));
    }
}
