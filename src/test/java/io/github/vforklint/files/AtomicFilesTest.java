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

    /**
     * -o /dev/null must write to the device, not rename a file over it: as root that replaced
     * /dev/null with a plain file. Tested on a FIFO of its own (a device node would need root,
     * and a regression must not be able to damage the machine's /dev).
     */
    @Test
    void aTargetThatIsNotARegularFileIsWrittenInPlace() throws Exception {
        Path fifo = temp.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFiles.write(fifo, out -> out.write("report"));
        assertEquals("report", read.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
        assertEquals(List.of(fifo), list());
    }

    @Test
    void aSymbolicLinkStaysALink() throws IOException {
        Path real = Files.writeString(temp.resolve("real.json"), "previous");
        Path link = Files.createSymbolicLink(temp.resolve("link.json"), real);
        AtomicFiles.write(link, out -> out.write("new"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertThrows(IOException.class, () -> AtomicFiles.write(temp, out -> out.write("x")));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.toList();
        }
    }
}
