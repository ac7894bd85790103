package io.github.vforklint.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The texts the parser reads, shared by all parser threads: project headers are included by many
 * translation units, and the same characters back both the parser's offsets and our columns. The
 * cache is bounded (the least recently used texts go first), so memory does not grow with the
 * tree; a text read again is decoded again. The parser names files by strings; a file of the
 * tree whose name is not valid UTF-8 has no faithful string, so names are mapped back to the
 * tree's own paths.
 */
public final class SourceFiles {

    /** Characters kept decoded at most: the headers many units include stay, one-off files go. */
    private static final long BUDGET_CHARS = 24L << 20;

    private final Map<String, SourceText> texts = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedChars;
    private final SourceTree tree;

    public SourceFiles() {
        this.tree = null;
    }

    /** Files of {@code tree} are opened by their own paths, whatever their names' bytes. */
    public SourceFiles(SourceTree tree) {
        this.tree = tree;
    }

    public SourceText get(String absolutePath) {
        synchronized (texts) {
            SourceText cached = texts.get(absolutePath);
            if (cached != null) {
                return cached;
            }
        }
        SourceText text;
        try {
            text = SourceText.read(path(absolutePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (texts) {
            SourceText raced = texts.putIfAbsent(absolutePath, text);
            if (raced != null) {
                return raced;
            }
            cachedChars += text.chars().length;
            Iterator<Map.Entry<String, SourceText>> oldest = texts.entrySet().iterator();
            while (cachedChars > BUDGET_CHARS && texts.size() > 1 && oldest.hasNext()) {
                Map.Entry<String, SourceText> e = oldest.next();
                if (e.getKey().equals(absolutePath)) {
                    continue;
                }
                cachedChars -= e.getValue().chars().length;
                oldest.remove();
            }
            return text;
        }
    }

    public boolean exists(String absolutePath) {
        if (tree != null && tree.fileNamed(absolutePath).isPresent()) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(absolutePath));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private Path path(String name) {
        return tree == null ? Path.of(name) : tree.fileNamed(name).map(SourceFile::path).orElseGet(() -> Path.of(name));
    }
}
