package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceTree;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds, in the scanned tree, the header an {@code #include} names when the include path does not
 * have it: a tree scanned without its build's {@code -I} options still has its headers, usually
 * next to the code or in an {@code include/} folder. The including file's folder and each of its
 * parents are tried first ({@code "lib/lib.h"} from {@code toys/net/x.c} is {@code lib/lib.h} at
 * the root), then any file whose path ends with the include's path, but for one built for another
 * platform ({@link ForeignPlatforms}) or one that stops any build ({@link HeaderRefusal}); the one
 * sharing the longest folder prefix with the including file wins. When two are equally near, neither is taken: a
 * guess would silently analyse the wrong program. Shared by the whole scan; answers are memoised
 * per (folder, include).
 */
final class TreeIncludes {

    /** What an include resolved to: a file, nothing, or several equally near files. */
    record Resolution(Path file, List<Path> ambiguous) {
        static final Resolution NONE = new Resolution(null, List.of());

        boolean found() {
            return file != null;
        }
    }

    private record Key(Path folder, String include) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(folder, other.folder)
                    && Objects.equals(include, other.include);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(folder) + Objects.hashCode(include);
        }
    }

    private final SourceTree tree;
    private final ForeignPlatforms foreign;
    private final java.util.function.Predicate<Path> refuses;
    private final Map<Key, Resolution> memo = new ConcurrentHashMap<>();

    /**
     * @param foreign what marks a file as built for another platform: not taken for an include
     *                found elsewhere in the tree
     * @param refuses whether a file stops any build that reads it ({@link HeaderRefusal}): not
     *                taken either
     */
    TreeIncludes(SourceTree tree, ForeignPlatforms foreign, java.util.function.Predicate<Path> refuses) {
        this.tree = tree;
        this.foreign = foreign;
        this.refuses = refuses;
    }

    /**
     * @param include     the name between the quotes or angle brackets
     * @param includingFile absolute path of the file holding the directive
     */
    Resolution resolve(String include, Path includingFile) {
        Path folder = includingFile.getParent();
        if (folder == null) {
            return Resolution.NONE;
        }
        return memo.computeIfAbsent(new Key(folder, include), k -> search(include, folder));
    }

    private Resolution search(String include, Path folder) {
        Path relative;
        try {
            relative = Path.of(include).normalize();
        } catch (InvalidPathException e) {
            return Resolution.NONE;
        }
        if (relative.isAbsolute() || relative.getFileName() == null) {
            return Resolution.NONE;
        }
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            Optional<SourceFile> atParent = tree.file(dir.resolve(relative).normalize());
            if (atParent.isPresent() && CFrontEnd.isC(atParent.get().path())) {
                return new Resolution(atParent.get().path(), List.of());
            }
        }
        if (relative.startsWith("..")) {
            return Resolution.NONE;
        }
        int best = -1;
        List<Path> nearest = new ArrayList<>();
        for (SourceFile candidate : tree.endingWith(relative.toString())) {
            Path path = candidate.path();
            if (!CFrontEnd.isC(path) || foreign.foreign(folder, path) || refuses.test(path)) {
                continue;
            }
            int shared = sharedFolders(path, folder);
            if (shared > best) {
                best = shared;
                nearest.clear();
            }
            if (shared == best) {
                nearest.add(path);
            }
        }
        if (nearest.size() == 1) {
            return new Resolution(nearest.get(0), List.of());
        }
        return nearest.isEmpty() ? Resolution.NONE : new Resolution(null, List.copyOf(nearest));
    }

    /** How many leading folder names two paths share. */
    static int sharedFolders(Path file, Path folder) {
        Path dir = file.getParent();
        int n = Math.min(dir == null ? 0 : dir.getNameCount(), folder.getNameCount());
        int i = 0;
        while (i < n && dir.getName(i).equals(folder.getName(i))) {
            i++;
        }
        return i;
    }
}
