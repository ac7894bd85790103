package io.github.vforklint.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file the user named, refusing what could block or exhaust memory: only a regular file
 * (a FIFO would block the open itself, a device such as {@code /dev/zero} never ends), checked
 * before it is opened, and at most {@code limit} bytes, counted while reading as well, for a file
 * that grows after the check.
 */
public final class BoundedFiles {

    /** .vforklint.yml: a page of options. */
    public static final long CONFIG_LIMIT = 1L << 20;
    /** A baseline: 64 MiB is some 200,000 entries. */
    public static final long BASELINE_LIMIT = 64L << 20;
    /** compile_commands.json: large builds write a few hundred bytes per file. */
    public static final long COMPILE_COMMANDS_LIMIT = 256L << 20;

    private BoundedFiles() {
    }

    /**
     * @param what how to name the file in messages ("configuration file", "baseline")
     * @throws NoSuchFileException     when the file does not exist (for callers with their own wording)
     * @throws InputFileException      when it is not a regular file, is larger than {@code limit}, or cannot be read
     */
    public static byte[] read(Path file, long limit, String what) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new InputFileException(file + ": cannot read the " + what + ": " + reason(e));
        }
        if (!attributes.isRegularFile()) {
            throw new InputFileException(file + ": the " + what + " is not a regular file ("
                    + (attributes.isDirectory() ? "a directory" : "a device, FIFO or socket, which vforklint never reads")
                    + ")");
        }
        if (attributes.size() > limit) {
            throw tooLarge(file, limit, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw tooLarge(file, limit, what);
            }
            return bytes;
        } catch (InputFileException e) {
            throw e;
        } catch (IOException e) {
            throw new InputFileException(file + ": cannot read the " + what + ": " + reason(e));
        }
    }

    /** The file as UTF-8 text (malformed bytes become U+FFFD: the parsers then name what is wrong). */
    public static String readString(Path file, long limit, String what) throws IOException {
        return new String(read(file, limit, what), StandardCharsets.UTF_8);
    }

    private static InputFileException tooLarge(Path file, long limit, String what) {
        return new InputFileException(file + ": the " + what + " is larger than " + (limit >> 20)
                + " MiB, the most vforklint reads");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
