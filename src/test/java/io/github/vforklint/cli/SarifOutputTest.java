package io.github.vforklint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.report.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.vforklint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --format sarif} on the fixtures, each document checked against the SARIF 2.1.0 schema. */
class SarifOutputTest {

    private static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();
    private static final String HELPERS = ROOT.resolve("testdata/c/helpers.c").toString();

    @TempDir
    Path temp;

    private static JsonNode sarif(String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--no-config", "-f", "sarif"));
        all.addAll(List.of(args));
        CliTest.Run r = run(all.toArray(String[]::new));
        assertTrue(r.code() == 0 || r.code() == 1 || r.code() == 3, r.err());
        return SarifSchema.parseValid(r.out());
    }

    private static JsonNode resultAt(JsonNode run, String file, int line) {
        for (JsonNode r : run.path("results")) {
            JsonNode loc = r.path("locations").get(0).path("physicalLocation");
            if (loc.path("artifactLocation").path("uri").asText().endsWith(file)
                    && loc.path("region").path("startLine").asInt() == line) {
                return r;
            }
        }
        throw new AssertionError("no result at " + file + ":" + line + " in " + run.path("results"));
    }

    private static int lineOf(String file, String text) throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void driverDescribesEveryRuleFromItsDocument() {
        JsonNode log = sarif(HELPERS);
        assertEquals("2.1.0", log.path("version").asText());
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("vforklint", driver.path("name").asText());
        assertTrue(driver.path("semanticVersion").asText().matches("\\d+\\.\\d+\\.\\d+.*"), driver.toString());
        assertTrue(driver.path("informationUri").asText().startsWith("https://"));
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : driver.path("rules")) {
            ids.add(rule.path("id").asText());
            for (String field : new String[] {"name", "shortDescription", "fullDescription", "help", "helpUri",
                    "defaultConfiguration", "properties"}) {
                assertTrue(rule.has(field), rule.path("id") + " lacks " + field);
            }
            assertFalse(rule.path("help").path("text").asText().isBlank());
            assertTrue(rule.path("help").path("markdown").asText().contains("## Bad"), "help comes from the rule document");
            assertTrue(rule.path("helpUri").asText().matches("https://github\\.com/.+/rules/" + rule.path("id").asText()
                    + "-" + rule.path("name").asText() + "\\.md"), rule.path("helpUri").asText());
            assertTrue(rule.path("defaultConfiguration").path("level").asText().matches("error|warning|note"),
                    "level is written even when it is SARIF's default, warning: " + rule);
            assertTrue(rule.path("properties").path("tags").size() > 0);
        }
        assertTrue(ids.containsAll(List.of("VFK001", "VFK101", "VFK102", "VFK104", "VFK201")), ids.toString());
        assertEquals("vforklint/", run.path("automationDetails").path("id").asText());
        assertEquals("utf16CodeUnits", run.path("columnKind").asText());
        assertTrue(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText().matches("file:///.*/"));
    }

    @Test
    void sarifCategoryNamesTheRunsCategoryAsGithubReadsIt() throws Exception {
        JsonNode run = sarif("--sarif-category", "vforklint/jni", HELPERS).path("runs").get(0);
        assertEquals("vforklint/jni/", run.path("automationDetails").path("id").asText());
        // with the slash that ends a category, as upload-sarif also takes it
        run = sarif("--sarif-category", "/language:c/", HELPERS).path("runs").get(0);
        assertEquals("/language:c/", run.path("automationDetails").path("id").asText());
        // --report sarif=FILE takes it too, and the category is the run's only change
        Path file = temp.resolve("out.sarif");
        CliTest.Run r = run("check", "--no-config", "--report", "sarif=" + file, "--sarif-category", "c", HELPERS);
        assertEquals(1, r.code(), r.err());
        JsonNode other = SarifSchema.parseValid(Files.readString(file)).path("runs").get(0);
        assertEquals("c/", other.path("automationDetails").path("id").asText());
        assertEquals(sarif(HELPERS).path("runs").get(0).path("results"), other.path("results"));
    }

    @Test
    void aSarifCategoryWithoutSarifOrWithSpacesIsAUsageError() {
        CliTest.Run noSarif = run("check", "--no-config", "--sarif-category", "c", HELPERS);
        assertEquals(2, noSarif.code());
        assertTrue(noSarif.err().contains("--sarif-category: no SARIF report is written"), noSarif.err());
        for (String bad : new String[] {"", "/", "two words", "tab\there"}) {
            CliTest.Run r = run("check", "--no-config", "-f", "sarif", "--sarif-category", bad, HELPERS);
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--sarif-category: "), r.err());
            assertEquals("", r.out(), "nothing is written for a bad category");
        }
    }

    @Test
    void resultInAHelperCarriesTheVforkCallAndTheCallChain() throws Exception {
        JsonNode run = sarif(HELPERS).path("runs").get(0);
        int write = lineOf("testdata/c/helpers.c", "g_helper_calls = 0;");
        JsonNode r = resultAt(run, "testdata/c/helpers.c", write);
        assertEquals("VFK104", r.path("ruleId").asText());
        assertEquals("VFK104", run.path("tool").path("driver").path("rules").get(r.path("ruleIndex").asInt()).path("id").asText());
        assertEquals("error", r.path("level").asText());
        assertTrue(r.path("message").path("text").asText().startsWith("The vfork child writes g_helper_calls"));
        assertTrue(r.path("message").path("text").asText().endsWith("The vfork child starts [here](1)."));

        JsonNode loc = r.path("locations").get(0).path("physicalLocation");
        assertEquals("testdata/c/helpers.c", loc.path("artifactLocation").path("uri").asText());
        assertEquals("%SRCROOT%", loc.path("artifactLocation").path("uriBaseId").asText());
        JsonNode region = loc.path("region");
        int column = Files.readAllLines(ROOT.resolve("testdata/c/helpers.c")).get(write - 1).indexOf("g_helper_calls") + 1;
        assertEquals(column, region.path("startColumn").asInt());
        assertEquals(write, region.path("endLine").asInt());
        assertEquals(column + "g_helper_calls = 0".length(), region.path("endColumn").asInt());

        int vfork = lineOf("testdata/c/helpers.c", "outer_helper();") - 1;
        JsonNode related = r.path("relatedLocations").get(0);
        assertEquals(1, related.path("id").asInt());
        assertEquals(vfork, related.path("physicalLocation").path("region").path("startLine").asInt());

        JsonNode steps = r.path("codeFlows").get(0).path("threadFlows").get(0).path("locations");
        List<Integer> lines = new ArrayList<>();
        List<Integer> nesting = new ArrayList<>();
        for (JsonNode s : steps) {
            lines.add(s.path("location").path("physicalLocation").path("region").path("startLine").asInt());
            nesting.add(s.path("nestingLevel").asInt());
        }
        assertEquals(List.of(vfork, vfork + 1, lineOf("testdata/c/helpers.c", "    bad_inner_helper();"), write), lines);
        assertEquals(List.of(0, 0, 1, 2), nesting);
        assertTrue(steps.get(1).path("location").path("message").path("text").asText().contains("outer_helper()"));

        JsonNode prints = r.path("partialFingerprints");
        assertTrue(prints.path("primaryLocationLineHash").asText().matches("[0-9a-f]+:\\d+"), prints.toString());
        assertTrue(prints.path("vforklint/v1").asText().matches("[0-9a-f]{32}"), prints.toString());
        assertFalse(r.has("suppressions"), "no suppressions unless --include-suppressed");
    }

    @Test
    void exitGetsAMechanicalFix() throws Exception {
        JsonNode run = sarif(HELPERS).path("runs").get(0);
        int line = lineOf("testdata/c/helpers.c", "    exit(code);");
        JsonNode fix = resultAt(run, "testdata/c/helpers.c", line).path("fixes").get(0);
        assertNotNull(fix.path("description").path("text").asText(null));
        JsonNode change = fix.path("artifactChanges").get(0);
        assertEquals("testdata/c/helpers.c", change.path("artifactLocation").path("uri").asText());
        JsonNode replacement = change.path("replacements").get(0);
        JsonNode deleted = replacement.path("deletedRegion");
        String source = Files.readAllLines(ROOT.resolve("testdata/c/helpers.c")).get(line - 1);
        assertEquals("exit", source.substring(deleted.path("startColumn").asInt() - 1, deleted.path("endColumn").asInt() - 1));
        assertEquals("_exit", replacement.path("insertedContent").path("text").asText());
        for (JsonNode r : run.path("results")) {
            if (!r.path("ruleId").asText().equals("VFK102")) {
                assertFalse(r.has("fixes"), "only exit() has a mechanical fix: " + r);
            }
        }
    }

    @Test
    void filesNotFullyAnalysedAreToolExecutionNotifications() {
        JsonNode invocation = sarif(ROOT.resolve("testdata/c/broken.c").toString()).path("runs").get(0)
                .path("invocations").get(0);
        assertFalse(invocation.path("executionSuccessful").asBoolean(true));
        JsonNode notes = invocation.path("toolExecutionNotifications");
        assertTrue(notes.size() > 0);
        assertEquals("warning", notes.get(0).path("level").asText());
        assertTrue(notes.get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asText().endsWith("broken.c"));

        JsonNode clean = sarif(HELPERS).path("runs").get(0).path("invocations").get(0);
        assertTrue(clean.path("executionSuccessful").asBoolean(false));
    }

    @Test
    void suppressedResultsAreLeftOutOrKeptWithTheirSuppression() {
        String forms = ROOT.resolve("testdata/suppress/forms.c").toString();
        JsonNode plain = sarif(forms).path("runs").get(0).path("results");
        JsonNode kept = sarif("--include-suppressed", forms).path("runs").get(0).path("results");
        assertTrue(kept.size() > plain.size(), plain.size() + " vs " + kept.size());
        int suppressed = 0;
        for (JsonNode r : kept) {
            assertTrue(r.has("suppressions"), "every result has suppressions when one has: " + r);
            if (r.path("suppressions").size() > 0) {
                suppressed++;
                assertEquals("inSource", r.path("suppressions").get(0).path("kind").asText());
            }
        }
        assertEquals(kept.size() - plain.size(), suppressed);
        JsonNode progress = resultAt(sarif("--include-suppressed", forms).path("runs").get(0), "testdata/suppress/forms.c", 15);
        assertEquals("progress line, tolerated on Linux", progress.path("suppressions").get(0).path("justification").asText());
    }

    @Test
    void aConfiguredSeverityIsTheResultLevelEvenWhenItIsWarning() {
        JsonNode run = sarif("--severity", "VFK101=warning", HELPERS).path("runs").get(0);
        boolean sawUnsafeCall = false;
        for (JsonNode r : run.path("results")) {
            if (r.path("ruleId").asText().equals("VFK101")) {
                sawUnsafeCall = true;
                assertEquals("warning", r.path("level").asText(), "SARIF would otherwise take the rule's default, error");
            }
        }
        assertTrue(sawUnsafeCall);
    }

    @Test
    void reportOptionWritesSeveralFormatsInOneRun() throws Exception {
        Path sarif = temp.resolve("out.sarif");
        Path xml = temp.resolve("out.xml");
        CliTest.Run r = run("check", "--no-config", "--color", "never", "--report", "sarif=" + sarif,
                "--report", "checkstyle=" + xml, HELPERS);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("[VFK101 unsafe-call]"), "the main format still goes to standard output");
        JsonNode log = SarifSchema.parseValid(Files.readString(sarif));
        assertTrue(log.path("runs").get(0).path("results").size() > 5);
        assertTrue(Files.readString(xml).contains("<checkstyle version=\"4.3\">"));
        assertEquals(2, run("check", "--report", "sarif", HELPERS).code());
        assertEquals(2, run("check", "--report", "pdf=x.pdf", HELPERS).code());
    }
}
