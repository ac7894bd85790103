package io.github.vforklint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix of the four measured setups, from real runs, as the README shows it. */
class PlatformMatrixTest {

    @Test
    void fourSetupsGetFourRowsWithTheirVerdicts(@TempDir Path dir) throws Exception {
        ProbeTools.requireLinuxX86_64();
        List<Probe.Outcome> outcomes = List.of(ProbeFixtures.nativeQuick(), ProbeFixtures.muslStaticQuick(),
                ProbeFixtures.valgrindQuick(), ProbeFixtures.qemuAarch64Quick());
        for (Probe.Outcome o : outcomes) {
            PlatformMatrix.record(o, dir);
        }
        Files.writeString(dir.resolve("unrelated.json"), "{\"name\": \"not a probe result\"}");
        StringWriter text = new StringWriter();
        PlatformMatrix.print(PlatformMatrix.load(dir), new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        assertEquals(6, lines.length, text.toString());
        String table = text.toString();
        assertTrue(table.contains("| linux-x86_64-musl-static |"), table);
        assertTrue(table.contains("| linux-x86_64-glibc-dynamic-valgrind |"), table);
        assertTrue(table.contains("| linux-aarch64-glibc-dynamic-qemu-user |"), table);
        assertTrue(table.contains("`valgrind -q` | **fork-like** | **copy-but-suspended** | **fork-like** |"), table);
        assertTrue(lines[2].startsWith("| linux-x86_64-"), "unwrapped setups first: " + lines[2]);
        assertTrue(lines[5].contains("`"), "wrapped setups last: " + lines[5]);
    }

    @Test
    void platformKeyNamesOsArchLibcLinkageAndEmulator() throws ProbeException {
        ProbeTools.requireLinuxX86_64();
        assertTrue(PlatformKey.of(ProbeFixtures.nativeQuick().result()).matches("linux-x86_64-[a-z]+-(dynamic|static)"));
        assertEquals("linux-aarch64-glibc-dynamic-qemu-user", PlatformKey.of(ProbeFixtures.qemuAarch64Quick().result()));
    }
}
