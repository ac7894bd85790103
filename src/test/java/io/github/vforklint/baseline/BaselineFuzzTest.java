package io.github.vforklint.baseline;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baseline reader on any bytes: a baseline or a {@link BaselineException}, never another
 * exception; a baseline that reads writes back to one that reads the same.
 */
class BaselineFuzzTest {

    @FuzzTest(maxDuration = "12s")
    void baselineReader(byte[] json) throws IOException {
        Path dir = Files.createTempDirectory("vforklint-fuzz");
        Path file = dir.resolve("baseline.json");
        Path copy = dir.resolve("copy.json");
        try {
            Files.write(file, json);
            Baseline read;
            try {
                read = Baseline.read(file);
            } catch (BaselineException e) {
                assertTrue(e.getMessage().contains(file.toString()), "the message names the file: " + e.getMessage());
                return;
            }
            Baseline.Match match = read.match(List.of(), new FindingFingerprints(ProjectPaths.forWorkingDirectory(dir)));
            assertEquals(read.entries().size(), match.stale().size(), "with no findings every entry is stale");
            read.write(copy);
            assertEquals(read.entries(), Baseline.read(copy).entries(), "written and read back unchanged");
        } catch (BaselineException e) {
            throw new AssertionError("a baseline vforklint wrote does not read back: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
