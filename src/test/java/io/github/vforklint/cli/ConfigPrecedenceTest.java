package io.github.vforklint.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.vforklint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** .vforklint.yml under the command line: what each source sets, and what wins. */
class ConfigPrecedenceTest {

    private static final String CHILD = """
            #include <stdio.h>
            #include <unistd.h>
            int g_state;
            void spawn(const char *path, char *const argv[])
            {
                if (vfork() == 0) {
                    puts("x");
                    g_state = 1;
                    execv(path, argv);
                    _exit(127);
                }
            }
            """;

    @TempDir
    Path repo;

    @BeforeEach
    void tree() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("src/vendor"));
        Files.writeString(repo.resolve("src/spawn.c"), CHILD);
        Files.writeString(repo.resolve("src/vendor/theirs.c"), CHILD);
        Files.writeString(repo.resolve(".vforklint.yml"), """
                # the project's settings
                ignore: [VFK104]
                exclude: ["src/vendor/**"]
                severity: {unsafe-call: warning}
                fail-on: note
                """);
    }

    @Test
    void theFileFoundAboveTheScanRootApplies() {
        CliTest.Run r = run("check", "-f", "json", repo.resolve("src").toString());
        assertEquals(1, r.code(), "fail-on note from the file: " + r.err());
        assertTrue(r.out().contains("\"severity\" : \"warning\""), r.out());
        assertFalse(r.out().contains("VFK104"), "ignored by the file: " + r.out());
        assertFalse(r.out().contains("theirs.c"), "excluded by the file, relative to its directory: " + r.out());
    }

    @Test
    void theCommandLineWins() {
        String src = repo.resolve("src").toString();
        assertEquals(0, run("check", "--fail-on", "error", src).code(), "the warning no longer fails");
        CliTest.Run r = run("check", "-f", "json", "--ignore", "VFK108", "--severity", "VFK101=error", src);
        assertTrue(r.out().contains("VFK104"), "--ignore replaces the file's list: " + r.out());
        assertTrue(r.out().contains("\"severity\" : \"error\""), r.out());
        assertFalse(r.out().contains("theirs.c"), "excludes add up: " + r.out());
        CliTest.Run none = run("check", "-f", "json", "--no-config", src);
        assertTrue(none.out().contains("theirs.c") && none.out().contains("VFK104"), none.out());
    }

    @Test
    void printConfigShowsTheMergedResult() {
        CliTest.Run r = run("check", "--print-config", "--profile", "strict", "-D", "ENABLE_NOMMU=1",
                repo.resolve("src").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# vforklint check options (from "), r.out());
        assertTrue(r.out().contains("profile: strict"), r.out());
        assertTrue(r.out().contains("fail-on: note"), r.out());
        assertTrue(r.out().contains("- VFK104"), r.out());
        assertTrue(r.out().contains("VFK101: warning"), r.out());
        assertTrue(r.out().contains("ENABLE_NOMMU: 1"), r.out());
        assertEquals("", r.err(), "nothing is scanned");
    }

    @Test
    void anExplicitFileReplacesDiscovery() throws Exception {
        Path other = repo.resolve("other.yml");
        Files.writeString(other, "select: [VFK104]\n");
        CliTest.Run r = run("check", "-f", "json", "-c", other.toString(), repo.resolve("src").toString());
        assertTrue(r.out().contains("VFK104") && !r.out().contains("VFK101"), r.out());
        assertTrue(r.out().contains("theirs.c"), "the discovered file's excludes do not apply: " + r.out());
        assertEquals(2, run("check", "-c", repo.resolve("missing.yml").toString(), repo.toString()).code());
    }

    @Test
    void aBadFileIsExitCodeTwoWithFileAndLine() throws Exception {
        Files.writeString(repo.resolve(".vforklint.yml"), "profile: strict\nseverity:\n  VFK101: loud\n");
        CliTest.Run r = run("check", repo.resolve("src").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().matches("vforklint: \\S*\\.vforklint\\.yml:3: severity of VFK101: unknown severity 'loud'.*\\s*"),
                r.err());
        assertFalse(r.err().contains("\tat "), r.err());

        Files.writeString(repo.resolve(".vforklint.yml"), "exclude:\n  - \"src/[oops\"\n");
        CliTest.Run glob = run("check", repo.resolve("src").toString());
        assertEquals(2, glob.code());
        assertTrue(glob.err().contains(".vforklint.yml:2: exclude: bad glob 'src/[oops'"), glob.err());
    }

    @Test
    void includeGlobsNarrowTheScan() throws Exception {
        Files.writeString(repo.resolve(".vforklint.yml"), "include: [\"src/vendor/**\"]\n");
        CliTest.Run r = run("check", "-f", "json", repo.toString());
        assertTrue(r.out().contains("theirs.c") && !r.out().contains("src/spawn.c"), r.out());
    }
}
