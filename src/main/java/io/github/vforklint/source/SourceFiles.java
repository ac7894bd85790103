package io.github.vforklint.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each file read once per parse run, shared by all parser threads: project headers are included
 * by many translation units, and the same characters back both the parser's offsets and our
 * columns. The parser names files by strings; a file of the tree whose name is not valid UTF-8
 * has no faithful string, so names are mapped back to the tree's own paths.
 */
public final class SourceFiles {

    private final Map<String, SourceText> texts = new ConcurrentHashMap<>();
    private final Map<String, Path> treePaths;

    public SourceFiles() {
        this.treePaths = Map.of();
    }

    /** Files of {@code tree} are opened by their own paths, whatever their names' bytes. */
    public SourceFiles(SourceTree tree) {
        Map<String, Path> paths = new HashMap<>();
        for (SourceFile f : tree.files()) {
            paths.put(f.path().toString(), f.path());
        }
        this.treePaths = Map.copyOf(paths);
    }

    public SourceText get(String absolutePath) {
        return texts.computeIfAbsent(absolutePath, p -> {
            try {
                return SourceText.read(path(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public boolean exists(String absolutePath) {
        if (texts.containsKey(absolutePath) || treePaths.containsKey(absolutePath)) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(absolutePath));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private Path path(String name) {
        Path known = treePaths.get(name);
        return known != null ? known : Path.of(name);
    }
}
