package io.github.vforklint.frontend.java;

import io.github.vforklint.cli.CliTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.report.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JVM front end through the command line: options, the pre-filter, both front ends in one report. */
class JvmScanTest {

    private static final String RECORD_IN_MAIN = """
            public class App {
                record Mode(String name) {
                }

                public static void main(String[] args) {
                    System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
                    System.setProperty("jdk.lang.Process.launchMechanism", new Mode("VFORK").name());
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void javaSourcesParseAtTheNewestLevelUnlessPinned() throws Exception {
        Files.writeString(temp.resolve("App.java"), RECORD_IN_MAIN);
        JsonNode newest = JvmFixtureTest.run(temp);
        assertEquals(List.of("VFK301"), rules(newest), newest.toString());
        assertTrue(newest.path("summary").path("complete").asBoolean());

        JsonNode java11 = JvmFixtureTest.run(temp, "--java-release", "11");
        assertEquals(List.of(), rules(java11));
        assertTrue(java11.path("diagnostics").toString().contains("not parsed as Java"), java11.toString());
        assertTrue(!java11.path("summary").path("complete").asBoolean());
    }

    @Test
    void theConfigurationFileCanPinTheRelease() throws Exception {
        Files.writeString(temp.resolve("App.java"), RECORD_IN_MAIN);
        Files.writeString(temp.resolve(".vforklint.yml"), "java-release: 11\n");
        CliTest.Run r = CliTest.run("check", "-f", "json", "--fail-on", "never", "-c", temp.resolve(".vforklint.yml").toString(),
                temp.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.out().contains("not parsed as Java"), r.out());
    }

    @Test
    void anUnknownReleaseIsAUsageError() {
        CliTest.Run r = CliTest.run("check", "--no-config", "--java-release", "99", temp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Java release 99"), r.err());
    }

    @Test
    void javaFilesWithoutMarkerWordsAreNeverParsed() throws Exception {
        for (int i = 0; i < 20; i++) {
            Files.writeString(temp.resolve("C" + i + ".java"), "class C" + i + " { int x = " + i + "; }\n");
        }
        Files.writeString(temp.resolve("Uses.java"), "class Uses { void f() { System.setProperty(\"a\", \"b\"); } }\n");
        JsonNode report = JvmFixtureTest.run(temp);
        assertEquals(21, report.path("summary").path("files").asInt());
        assertEquals(0, report.path("summary").path("parsed").asInt(), report.toString());
    }

    @Test
    void cAndJvmFindingsShareOneSarifRun() throws Exception {
        Path root = JvmFixtureTest.FIXTURES;
        CliTest.Run r = CliTest.run("check", "--no-config", "-f", "sarif", "--fail-on", "never",
                root.resolve("jni-project").toString(), root.resolve("native-fork").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode log = SarifSchema.parseValid(r.out());
        assertEquals(1, log.path("runs").size());
        Set<String> rules = new TreeSet<>();
        log.path("runs").get(0).path("results").forEach(x -> rules.add(x.path("ruleId").asText()));
        assertTrue(rules.containsAll(Set.of("VFK101", "VFK105", "VFK304", "VFK310", "VFK311", "VFK312")), rules.toString());
        Set<String> described = new TreeSet<>();
        log.path("runs").get(0).path("tool").path("driver").path("rules").forEach(x -> described.add(x.path("id").asText()));
        assertTrue(described.containsAll(rules), described + " lacks some of " + rules);
    }

    @Test
    void brokenFilesAreDiagnosticsAndTheRestIsStillScanned() throws Exception {
        Files.writeString(temp.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY a \"a\">]>\n"
                + "<project><fork>&a;</fork></project>\n");
        Files.writeString(temp.resolve("ci.yml"), "a: [unclosed\n  fork: -Djdk.lang.Process.launchMechanism=vfork\n");
        Files.writeString(temp.resolve("Broken.java"), "class Broken { void fork() { int x = ; } }\n");
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Files.write(temp.resolve("Dockerfile"), noise);
        Files.writeString(temp.resolve("Dockerfile"), "\nENV JAVA_TOOL_OPTIONS=-Djdk.lang.Process.launchMechanism=VFORK\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(temp.resolve("Deep.java"), "class Deep { int fork() { return " + "1+".repeat(20000) + "1; } }\n");
        JsonNode report = JvmFixtureTest.run(temp);
        assertEquals(List.of("VFK301"), rules(report), report.toString());
        Set<String> incomplete = new TreeSet<>();
        report.path("diagnostics").forEach(d -> {
            if (d.path("kind").asText().equals("incomplete")) {
                incomplete.add(Path.of(d.path("path").asText()).getFileName().toString());
            }
        });
        assertEquals(Set.of("pom.xml", "ci.yml", "Broken.java"), incomplete, report.toString());
    }

    @Test
    void explainShowsAJvmRule() {
        CliTest.Run r = CliTest.run("explain", "VFK301");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("launch-mechanism-vfork") && r.out().contains("JAVA_TOOL_OPTIONS"), r.out());
    }

    private static List<String> rules(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("findings").forEach(f -> ids.add(f.path("rule").asText()));
        return ids;
    }
}
