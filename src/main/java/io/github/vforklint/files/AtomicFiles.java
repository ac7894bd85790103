package io.github.vforklint.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is either the whole new content or the previous file, never half:
 * into a temporary file in the same directory first (so the rename stays on one file system),
 * renamed over the target once complete. A full disk or a file size limit then fails the write
 * and leaves the previous report or baseline as it was. A target that is not a regular file (a
 * device such as {@code /dev/null}, a FIFO) is written in place, and a symbolic link stays a link.
 */
public final class AtomicFiles {

    /** What writes the file's text. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** What writes the file's bytes (an image). */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes text as UTF-8. */
    public static void write(Path file, Content content) throws IOException {
        writeBytes(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    public static void writeBytes(Path file, Bytes content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (Files.isDirectory(target)) {
                throw new IOException(file + " is a directory");
            }
            if (!Files.isRegularFile(target)) {
                // A device, FIFO or socket (-o /dev/null, -o /dev/stdout): there is no previous report to keep,
                // and renaming over it would replace the device itself (as root, /dev/null with a plain file).
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                    content.writeTo(out);
                }
                return;
            }
            // Through a symbolic link: replace the file it points to, and keep the link.
            target = target.toRealPath();
        }
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            // Said of the folder the user named, not of the temporary file beside the report.
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such folder");
        }
        Path temporary = createTemporary(dir, target.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
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

    /**
     * Not {@link Files#createTempFile}: that makes the file private (0600), and the renamed report
     * would keep that mode. A plain new file gets the mode the user's umask gives, like any other.
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            // A long name plus the suffix could pass the file system's limit on one name.
            String stem = name.length() > 100 ? name.substring(0, 100) : name;
            Path candidate = dir.resolve("." + stem + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }
}
