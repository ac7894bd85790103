package io.github.vforklint.report;

import io.github.vforklint.source.SourceText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The source lines findings quote, read once per file. Paths are relative to {@code baseDir} or absolute. */
public final class SourceLines {

    private final Path baseDir;
    private final Map<String, SourceText> texts = new HashMap<>();

    public SourceLines(Path baseDir) {
        this.baseDir = baseDir;
    }

    public Path baseDir() {
        return baseDir;
    }

    /** The line's text, or null when the file cannot be read any more. */
    public String line(String path, int line) {
        SourceText text = texts.computeIfAbsent(path, p -> {
            try {
                return SourceText.read(baseDir.resolve(p));
            } catch (IOException e) {
                return null;
            }
        });
        return text == null ? null : text.line(line);
    }
}
