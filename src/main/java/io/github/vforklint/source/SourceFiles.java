package io.github.vforklint.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each file read once per scan, shared by all parser threads: project headers are included by
 * many translation units, and the same characters back both CDT's offsets and our columns.
 */
public final class SourceFiles {

    private final Map<String, SourceText> texts = new ConcurrentHashMap<>();

    public SourceText get(String absolutePath) {
        return texts.computeIfAbsent(absolutePath, p -> {
            try {
                return SourceText.read(Path.of(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public boolean exists(String absolutePath) {
        return texts.containsKey(absolutePath) || Files.isRegularFile(Path.of(absolutePath));
    }
}
