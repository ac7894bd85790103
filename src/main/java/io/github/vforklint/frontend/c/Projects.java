package io.github.vforklint.frontend.c;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which project a file belongs to, so that a helper is never taken from another program that
 * happens to share the tree (two tools side by side, a vendored copy). A project's root is the
 * nearest folder holding {@code .git}, or else the top of the run of nested folders that hold a
 * build file, starting from the nearest one that does: recursive builds put a Makefile in every
 * folder of one project, while two projects side by side do not share a folder that has one.
 * Answers are memoised per folder; only a few names are looked up on disk per folder.
 */
final class Projects {

    private static final List<String> BUILD_FILES = List.of("Makefile", "makefile", "GNUmakefile", "Makefile.am",
            "Makefile.in", "CMakeLists.txt", "configure", "configure.ac", "configure.in", "meson.build", "SConstruct",
            "BUILD", "BUILD.bazel", "Kbuild", "Android.mk", "build.ninja", "setup.py", "Cargo.toml");

    private final Map<Path, Optional<Path>> roots = new ConcurrentHashMap<>();
    private final Map<Path, Boolean> builds = new ConcurrentHashMap<>();

    /** The root of the project holding {@code file}, or empty when no folder above it looks like one. */
    Optional<Path> rootOf(Path file) {
        Path folder = file.getParent();
        return folder == null ? Optional.empty() : roots.computeIfAbsent(folder, this::find);
    }

    private Optional<Path> find(Path folder) {
        Path top = null;
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            boolean build = hasBuildFile(dir);
            if (build) {
                top = dir;
            } else if (top != null) {
                return Optional.of(top);
            }
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.ofNullable(top);
    }

    private boolean hasBuildFile(Path dir) {
        return builds.computeIfAbsent(dir, d -> BUILD_FILES.stream().anyMatch(name -> Files.isRegularFile(d.resolve(name))));
    }
}
