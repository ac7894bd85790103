package io.github.vforklint.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {

    @TempDir
    Path temp;

    @Test
    void failedWriteLeavesThePreviousFileAndNoTemporary() throws IOException {
        Path file = temp.resolve("report.sarif");
        Files.writeString(file, "previous");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of a new rep");
            out.flush();
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", thrown.getMessage());
        assertEquals("previous", Files.readString(file));
        assertEquals(List.of(file), list());
    }

    @Test
    void completeWriteReplacesTheFileWithTheUsualMode() throws IOException {
        Path file = temp.resolve("baseline.json");
        Files.writeString(file, "previous");
        AtomicFiles.write(file, out -> out.write("new"));
        assertEquals("new", Files.readString(file));
        assertEquals(List.of(file), list());
        assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_READ));
        // createTempFile would have made it 0600; a report for CI artifacts is read by others too.
        Path fresh = temp.resolve("fresh.txt");
        Files.writeString(fresh, "x");
        AtomicFiles.write(file, out -> out.write("again"));
        assertEquals(Files.getPosixFilePermissions(fresh), Files.getPosixFilePermissions(file));
    }

    @Test
    void longNamesStillGetATemporaryFile() throws IOException {
        Path file = temp.resolve("r".repeat(240) + ".json");
        AtomicFiles.write(file, out -> out.write("{}"));
        assertEquals("{}", Files.readString(file));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.toList();
        }
    }
}
