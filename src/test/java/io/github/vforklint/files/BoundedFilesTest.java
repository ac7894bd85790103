package io.github.vforklint.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedFilesTest {

    @TempDir
    Path temp;

    @Test
    void readsARegularFileUpToTheLimit() throws Exception {
        Path file = Files.write(temp.resolve("a"), new byte[]{1, 2, 3});
        assertArrayEquals(new byte[]{1, 2, 3}, BoundedFiles.read(file, 3, "baseline"));
        String message = assertThrows(InputFileException.class, () -> BoundedFiles.read(file, 2, "baseline")).getMessage();
        assertTrue(message.contains("the baseline is larger than"), message);
    }

    @Test
    void refusesDevicesDirectoriesAndLinksToThem() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("zero"), Path.of("/dev/zero"));
        for (Path p : new Path[]{Path.of("/dev/zero"), Path.of("/dev/urandom"), link, temp}) {
            String message = assertThrows(InputFileException.class, () -> BoundedFiles.read(p, 1 << 20, "x")).getMessage();
            assertTrue(message.contains("the x is not a regular file"), message);
        }
        assertThrows(NoSuchFileException.class, () -> BoundedFiles.read(temp.resolve("missing"), 10, "x"));
    }
}
