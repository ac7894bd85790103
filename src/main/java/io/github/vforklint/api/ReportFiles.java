package io.github.vforklint.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing a report file so that it is either the whole new report or the previous one, never half. */
final class ReportFiles {

    /** What writes the report's text. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private ReportFiles() {
    }

    static void writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Path temporary = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
