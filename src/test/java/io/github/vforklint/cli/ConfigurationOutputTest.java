package io.github.vforklint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vforklint.report.SarifSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.vforklint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A finding made only in another preprocessor configuration says so in every format. */
class ConfigurationOutputTest {

    private static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();
    private static final String FILE = ROOT.resolve("testdata/c/configurations.c").toString();

    private static int lineOf(String text) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(FILE));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    /** Writes a C file of these lines into {@code dir}. */
    private static void source(Path dir, String name, String... lines) throws java.io.IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void textNamesTheConfiguration() throws Exception {
        CliTest.Run r = run("check", "--no-config", "--color", "never", FILE);
        assertEquals(1, r.code(), r.err());
        int line = lineOf("printf(\"child\\n\");");
        assertTrue(r.out().contains("note: only in the configuration where ENABLE_FEATURE_SPAWN is 1"), r.out());
        assertTrue(r.out().contains("configurations.c:" + line + ":"), r.out());
    }

    @Test
    void jsonCarriesAConfigurationPropertyOnlyWhereOneIsNeeded() throws Exception {
        CliTest.Run r = run("check", "--no-config", "-f", "json", FILE);
        JsonNode findings = new ObjectMapper().readTree(r.out()).path("findings");
        int feature = lineOf("printf(\"child\\n\");");
        int everywhere = lineOf("printf(\"both\\n\");");
        boolean sawFeature = false;
        boolean sawEverywhere = false;
        for (JsonNode f : findings) {
            if (f.path("line").asInt() == feature) {
                assertEquals("ENABLE_FEATURE_SPAWN is 1", f.path("configuration").asText());
                sawFeature = true;
            }
            if (f.path("line").asInt() == everywhere) {
                assertFalse(f.has("configuration"), "a finding the default configuration has carries none: " + f);
                sawEverywhere = true;
            }
        }
        assertTrue(sawFeature, findings.toString());
        assertTrue(sawEverywhere, findings.toString());
    }

    @Test
    void sarifCarriesItAsAResultProperty() throws Exception {
        CliTest.Run r = run("check", "--no-config", "-f", "sarif", FILE);
        JsonNode log = SarifSchema.parseValid(r.out());
        int line = lineOf("exit(1);                            /* expect: VFK102");
        boolean seen = false;
        for (JsonNode result : log.path("runs").get(0).path("results")) {
            int at = result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt();
            if (at == line) {
                assertEquals("HAVE_WORKING_VFORK is defined", result.path("properties").path("configuration").asText());
                assertTrue(result.path("message").path("text").asText().contains("when HAVE_WORKING_VFORK is defined"));
                seen = true;
            }
        }
        assertTrue(seen);
    }

    @Test
    void aCallNoConfigurationCompilesIsADiagnostic() throws Exception {
        CliTest.Run r = run("check", "--no-config", "-f", "json", FILE);
        JsonNode diagnostics = new ObjectMapper().readTree(r.out()).path("diagnostics");
        int line = lineOf("puts(\"dead\");") - 1;
        boolean said = false;
        for (JsonNode d : diagnostics) {
            if (d.path("line").asInt() == line) {
                assertEquals("vfork() here is not analysed as a vfork site: its conditions (0) hold in no configuration",
                        d.path("message").asText());
                said = true;
            }
        }
        assertTrue(said, diagnostics.toString());
    }

    private static long configured(CliTest.Run r) throws Exception {
        JsonNode findings = new ObjectMapper().readTree(r.out()).path("findings");
        long n = 0;
        for (JsonNode f : findings) {
            n += f.has("configuration") ? 1 : 0;
        }
        return n;
    }

    @Test
    void compatibleConfigurationsAreAnalysedAsOne() throws Exception {
        CliTest.Run one = run("check", "--no-config", "-f", "json", "--max-configs", "1", FILE);
        assertEquals(6, configured(one), "the six configurations pin different macros: one parse holds them all");
    }

    @Test
    void theBudgetCutsWithADiagnosticAndZeroAnalysesTheDefaultOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path modes = dir.resolve("modes.c");
        Files.writeString(modes, String.join("\n",
                "#include <stdio.h>",
                "#include <unistd.h>",
                "void spawn(void) {",
                "#if MODE == 1",
                "    if (vfork() == 0) { puts(\"one\"); _exit(1); }",
                "#elif MODE == 2",
                "    if (vfork() == 0) { puts(\"two\"); _exit(1); }",
                "#endif",
                "}", ""));
        CliTest.Run both = run("check", "--no-config", "-f", "json", modes.toString());
        assertEquals(2, configured(both), both.out());
        assertTrue(both.out().contains("\"MODE is 1\"") && both.out().contains("\"MODE is 2\""), both.out());
        CliTest.Run one = run("check", "--no-config", "-f", "json", "--max-configs", "1", modes.toString());
        assertEquals(1, configured(one));
        assertTrue(one.out().contains("vfork at line 7 needs a configuration of its own (MODE is 2), past the 1 this file"
                + " may have (--max-configs): not analysed"), one.out());
        CliTest.Run none = run("check", "--no-config", "-f", "json", "--max-configs", "0", modes.toString());
        assertEquals(0, configured(none));
        assertTrue(none.out().contains("no other configuration was looked for"), none.out());
    }

    @Test
    void aConfigurationPinnedWithDIsTheOnlyOneUnlessAskedForMore() throws Exception {
        CliTest.Run pinned = run("check", "--no-config", "-f", "json", "-D", "USE_VFORK_SPAWN=1", FILE);
        assertEquals(0, configured(pinned), "with -D, exactly the configuration given");
        assertTrue(pinned.out().contains("\"line\" : " + lineOf("puts(path);")), "the -D brings in the #elif branch");
        CliTest.Run explored = run("check", "--no-config", "-f", "json", "-D", "USE_VFORK_SPAWN=1", "--explore-configs", FILE);
        assertEquals(5, configured(explored), "the other five configured functions; the -D one is in the default now");
    }

    @Test
    void badValuesAreUsageErrorsThatNameTheOption() {
        CliTest.Run configs = run("check", "--max-configs", "-1", FILE);
        assertEquals(2, configs.code());
        assertEquals("vforklint: --max-configs must be 0 or more", configs.err().strip());
        for (String seconds : List.of("0", "86401")) {
            CliTest.Run timeout = run("check", "--file-timeout", seconds, FILE);
            assertEquals(2, timeout.code(), seconds);
            assertEquals("vforklint: --file-timeout must be between 1 and 86400 seconds", timeout.err().strip(), seconds);
        }
        assertEquals(1, run("check", "--no-config", "--file-timeout", "86400", FILE).code(), "a day is allowed");
    }

    @Test
    void vforkDefinedAsForkIsANoteNotAnIncompleteAnalysis(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // autoconf's fallback where vfork is missing: the calls are plain forks, said once, and the
        // scan is complete (exit 0, not 3); fork defined as vfork still makes sites
        source(dir, "fallback.c",
                "#include <unistd.h>",
                "#define vfork fork",
                "void f(char **argv) { if (vfork() == 0) { execv(argv[0], argv); _exit(1); } }");
        CliTest.Run r = run("check", "--no-config", "-f", "json", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode diagnostics = new ObjectMapper().readTree(r.out()).path("diagnostics");
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        assertTrue(diagnostics.get(0).path("message").asText().startsWith("vfork is defined as fork"), diagnostics.toString());

        source(dir, "nommu.c",
                "#include <unistd.h>",
                "#define fork vfork",
                "void g(char **argv) { if (fork() == 0) { execv(argv[0], argv); _exit(1); } }");
        CliTest.Run both = run("check", "--no-config", "-f", "json", dir.toString());
        assertEquals(1, new ObjectMapper().readTree(both.out()).path("summary").path("vforkSites").asInt(), both.out());
    }

    @Test
    void aWrapperGuessedFromItsNameIsNotSaidToBeAMacro(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // xvfork is declared, defined nowhere: taken for vfork in a configuration of its own, which the
        // parser reads as a macro; SPAWN is a macro of the file's own
        source(dir, "guessed.c",
                "#include <stdio.h>",
                "#include <unistd.h>",
                "pid_t xvfork(void);",
                "#define SPAWN() vfork()",
                "void f(void) { if (xvfork() == 0) { puts(\"a\"); _exit(1); } }",
                "void g(void) { if (SPAWN() == 0) { puts(\"b\"); _exit(1); } }");
        CliTest.Run r = run("check", "--no-config", "--color", "never", dir.toString());
        List<String> starts = r.out().lines().filter(l -> l.contains("note: the vfork child starts here")).toList();
        assertTrue(starts.stream().anyMatch(l -> l.contains("guessed.c:5:") && l.endsWith("starts here")), r.out());
        assertTrue(starts.stream().anyMatch(l -> l.contains("guessed.c:6:") && l.endsWith("starts here (via macro SPAWN)")), r.out());
        assertTrue(r.out().contains("only in the configuration where xvfork is vfork, guessed from its name"), r.out());
    }

    @Test
    void aMacroSpelledAcrossLinesOrBesideACommentIsStillSaidToBeVfork(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // The expansion as the preprocessor reads it decides, not as it is written: a backslash
        // joins "vf" and "ork", and a comment is no part of it.
        source(dir, "spelled.c",
                "#include <unistd.h>",
                "#define spawn_joined vf\\",
                "ork",
                "#define spawn_commented /* the cheap one */ vfork",
                "#define spawn_other fork",
                "void f(char **argv) { if (spawn_joined() == 0) { execv(argv[0], argv); _exit(1); } }",
                "void g(char **argv) { if (spawn_commented() == 0) { execv(argv[0], argv); _exit(1); } }");
        CliTest.Run r = run("check", "--no-config", "-f", "json", dir.toString());
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> said = new java.util.ArrayList<>();
        report.path("diagnostics").forEach(d -> said.add(d.path("message").asText()));
        assertTrue(said.stream().anyMatch(m -> m.startsWith("spawn_joined is defined as vfork")), said.toString());
        assertTrue(said.stream().anyMatch(m -> m.startsWith("spawn_commented is defined as vfork")), said.toString());
        assertTrue(said.stream().noneMatch(m -> m.startsWith("spawn_other")), said.toString());
        assertEquals(2, report.path("summary").path("vforkSites").asInt(), r.out());
    }
}
