package io.github.vforklint.baseline;

import io.github.vforklint.cli.CliTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adopting vforklint on a tree with findings: record them, then see only new ones. */
class BaselineTest {

    private static final String SPAWN = """
            #include <stdio.h>
            #include <unistd.h>
            int g_state;
            void spawn(const char *path, char *const argv[])
            {
                if (vfork() == 0) {
                    printf("starting %s\\n", path);
                    g_state = 1;
            @EXTRA@        execv(path, argv);
                    _exit(127);
                }
            }
            """;

    @TempDir
    Path temp;

    private static String spawn(String extraChildLines) {
        return SPAWN.replace("@EXTRA@", extraChildLines);
    }

    record Run(int code, String out, String err) {
    }

    private Run check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--no-config", "--color", "never"));
        all.addAll(List.of(args));
        CliTest.Run r = CliTest.run(all);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void onlyNewFindingsAreReportedAfterALineShift() throws Exception {
        Path source = temp.resolve("spawn.c");
        Path baseline = temp.resolve("vforklint-baseline.json");
        Files.writeString(source, spawn(""));

        Run record = check("--write-baseline", baseline.toString(), source.toString());
        assertEquals(0, record.code(), "recorded findings are not reported: " + record.out() + record.err());
        assertTrue(record.err().contains("2 recorded in the new baseline"), record.err());
        JsonNode doc = new ObjectMapper().readTree(baseline.toFile());
        assertEquals("vforklint-baseline", doc.path("format").asText());
        assertEquals(1, doc.path("version").asInt());
        assertEquals(2, doc.path("entries").size());
        JsonNode first = doc.path("entries").get(0);
        assertEquals("spawn", first.path("function").asText());
        assertTrue(first.path("path").asText().endsWith("spawn.c"));
        assertFalse(first.has("line"), "no line numbers: they shift");

        // Lines above the findings, and a new finding between them.
        Files.writeString(source, "/* licence header */\n\n" + spawn("        puts(\"new\");\n"));
        Run after = check("--baseline", baseline.toString(), source.toString());
        assertEquals(1, after.code(), after.err());
        assertTrue(after.out().contains("puts() in the vfork child"), after.out());
        assertFalse(after.out().contains("printf() in the vfork child"), "the known printf stays quiet: " + after.out());
        assertFalse(after.out().contains("writes g_state"), after.out());
        assertTrue(after.err().contains("1 problem") && after.err().contains("2 in the baseline"), after.err());
    }

    @Test
    void entriesThatNoLongerMatchAreReportedAsStale() throws Exception {
        Path source = temp.resolve("spawn.c");
        Path baseline = temp.resolve("b.json");
        Files.writeString(source, spawn(""));
        assertEquals(0, check("--write-baseline", baseline.toString(), source.toString()).code());

        Files.writeString(source, spawn("").replace("        printf(\"starting %s\\n\", path);\n", ""));
        Run fixed = check("--baseline", baseline.toString(), source.toString());
        assertEquals(0, fixed.code(), fixed.out() + fixed.err());
        assertTrue(fixed.out().contains("note: baseline entry for VFK101 in spawn() (`printf(\"starting %s\\n\", path);`)"),
                fixed.out());
        assertTrue(fixed.err().contains("1 baseline entry stale"), fixed.err());
    }

    @Test
    void aFindingRepeatedInOneFunctionIsCounted() throws Exception {
        Path source = temp.resolve("spawn.c");
        Path baseline = temp.resolve("b.json");
        Files.writeString(source, spawn("        puts(\"x\");\n"));
        assertEquals(0, check("--write-baseline", baseline.toString(), source.toString()).code());
        Files.writeString(source, spawn("        puts(\"x\");\n        puts(\"x\");\n"));
        Run twice = check("-f", "json", "--baseline", baseline.toString(), source.toString());
        assertEquals(1, twice.code());
        JsonNode findings = new ObjectMapper().readTree(twice.out()).path("findings");
        assertEquals(1, findings.size(), "one of the two identical calls is new: " + findings);
    }

    @Test
    void anUnreadableBaselineIsAUsageError() throws Exception {
        Path source = temp.resolve("spawn.c");
        Files.writeString(source, spawn(""));
        Path bogus = temp.resolve("bogus.json");
        Files.writeString(bogus, "{\"format\": \"something-else\", \"entries\": []}");
        for (Path p : List.of(bogus, temp.resolve("missing.json"))) {
            Run r = check("--baseline", p.toString(), source.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("vforklint: " + p), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        Files.writeString(bogus, "{\"format\": \"vforklint-baseline\", \"version\": 1,\n \"entries\": [}");
        assertThrows(BaselineException.class, () -> Baseline.read(bogus));
    }

    @Test
    void handWrittenEntriesAreCheckedOrCompleted() throws Exception {
        Path file = temp.resolve("hand.json");
        Files.writeString(file, "{\"format\":\"vforklint-baseline\",\"version\":1,\"entries\":[{\"rule\":\"VFK101\","
                + "\"path\":\"a.c\",\"fingerprint\":\"x\",\"count\":1},null]}");
        assertEquals(file + ": entry 2 is null, not an object with rule, path and fingerprint",
                assertThrows(BaselineException.class, () -> Baseline.read(file)).getMessage());
        Files.writeString(file, "{\"format\":\"vforklint-baseline\",\"version\":1,\"entries\":["
                + "{\"rule\":\"VFK101\",\"path\":\"a.c\",\"fingerprint\":\"y\",\"count\":1},"
                + "{\"rule\":\"VFK101\",\"path\":\"a.c\",\"fingerprint\":\"x\",\"count\":1}]}");
        Baseline read = Baseline.read(file);
        assertEquals(List.of("x", "y"), read.entries().stream().map(BaselineEntry::fingerprint).toList(),
                "sorted though neither names its function");
        assertEquals(List.of("", ""), read.entries().stream().map(BaselineEntry::function).toList());
    }

    @Test
    void aBaselineCannotReplaceADirectoryAndAWriteLeavesNoTemporaryFile() throws Exception {
        // that a failed write keeps the previous file is AtomicFilesTest's; here, what a baseline write does
        Path file = temp.resolve("baseline.json");
        Files.writeString(file, "previous");
        Path blocked = temp.resolve("dir-in-the-way");
        Files.createDirectories(blocked.resolve("child"));
        Baseline empty = Baseline.of(List.of(), new FindingFingerprints(ProjectPaths.forWorkingDirectory(temp)));
        assertThrows(java.io.IOException.class, () -> empty.write(blocked), "a non-empty directory cannot be replaced");
        assertTrue(Files.isDirectory(blocked.resolve("child")), "the directory is left as it was");
        empty.write(file);
        assertTrue(Files.readString(file).contains("\"entries\" : [ ]"), Files.readString(file));
        try (var left = Files.list(temp)) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".tmp")).toList());
        }
    }
}
