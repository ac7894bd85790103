package io.github.vforklint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.vforklint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -f gitlab} on every fixture, each issue held to what GitLab documents for a Code Quality
 * report artifact (docs.gitlab.com/ci/testing/code_quality, "Code Quality report format"): a JSON
 * array of objects with a {@code description}, a {@code check_name}, a {@code fingerprint}
 * unique to the issue, a {@code severity} of info, minor, major, critical or blocker, and a
 * {@code location} with the {@code path} relative to the repository (no leading "./") and
 * {@code lines.begin}. The fingerprint must be SARIF's {@code vforklint/v1} for the same finding.
 */
class GitlabOutputTest {

    private static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();
    private static final Set<String> SEVERITIES = Set.of("info", "minor", "major", "critical", "blocker");
    private static final Set<String> ISSUE_KEYS = Set.of("description", "check_name", "fingerprint", "severity", "location");

    @TempDir
    Path temp;

    @Test
    void everyIssueHasTheFieldsAndValuesGitlabDocuments() throws Exception {
        Path sarifFile = temp.resolve("fixtures.sarif");
        List<String> reports = new ArrayList<>();
        for (String dir : List.of("testdata/c", "testdata/suppress", "testdata/projects")) {
            CliTest.Run r = run("check", "--no-config", "-f", "gitlab", "--report", "sarif=" + sarifFile,
                    "-I", ROOT.resolve("testdata/c/include").toString(), ROOT.resolve(dir).toString());
            assertTrue(r.code() == 1 || r.code() == 3, r.err());
            reports.add(r.out());
            checkAgainstSarif(new ObjectMapper().readTree(r.out()), new ObjectMapper().readTree(sarifFile.toFile()));
        }
        int issues = 0;
        Set<String> checks = new HashSet<>();
        for (String report : reports) {
            JsonNode array = new ObjectMapper().readTree(report);
            assertTrue(array.isArray(), "a Code Quality report is a JSON array");
            Set<String> fingerprints = new HashSet<>();
            for (JsonNode issue : array) {
                issues++;
                Set<String> keys = new HashSet<>();
                issue.fieldNames().forEachRemaining(keys::add);
                assertEquals(ISSUE_KEYS, keys, issue.toString());
                assertTrue(issue.get("description").isTextual() && !issue.get("description").asText().isBlank(), issue.toString());
                assertTrue(issue.get("check_name").asText().matches("vforklint\\.(VFK\\d{3}|incomplete)"), issue.toString());
                checks.add(issue.get("check_name").asText());
                assertTrue(issue.get("fingerprint").asText().matches("[0-9a-f]{32}"), issue.toString());
                assertTrue(fingerprints.add(issue.get("fingerprint").asText()), "duplicate fingerprint: " + issue);
                assertTrue(SEVERITIES.contains(issue.get("severity").asText()), issue.toString());
                JsonNode location = issue.get("location");
                String path = location.get("path").asText();
                assertFalse(path.startsWith("./") || path.startsWith("/") || path.contains("\\"), path);
                Path file = ROOT.resolve(path);
                assertTrue(Files.isRegularFile(file), "path relative to the repository: " + path);
                int lineCount = Files.readAllLines(file).size();
                JsonNode lines = location.get("lines");
                assertTrue(lines.get("begin").isInt(), issue.toString());
                int begin = lines.get("begin").asInt();
                assertTrue(begin >= 1 && begin <= lineCount, issue.toString());
                if (lines.has("end")) {
                    assertTrue(lines.get("end").asInt() > begin && lines.get("end").asInt() <= lineCount, issue.toString());
                }
            }
        }
        assertTrue(issues > 100, "the fixtures hold many findings: " + issues);
        assertTrue(checks.contains("vforklint.VFK101") && checks.contains("vforklint.VFK104")
                && checks.contains("vforklint.incomplete"), checks.toString());
    }

    @Test
    void severitiesFollowTheFindingsLevels() throws Exception {
        CliTest.Run r = run("check", "--no-config", "-f", "gitlab", "--severity", "VFK101=note", "--severity",
                "VFK102=warning", ROOT.resolve("testdata/c/helpers.c").toString(), ROOT.resolve("testdata/c/exec.c").toString());
        Map<String, Set<String>> byCheck = new HashMap<>();
        for (JsonNode issue : new ObjectMapper().readTree(r.out())) {
            byCheck.computeIfAbsent(issue.get("check_name").asText(), k -> new HashSet<>()).add(issue.get("severity").asText());
        }
        assertEquals(Set.of("info"), byCheck.get("vforklint.VFK101"));
        assertEquals(Set.of("critical"), byCheck.get("vforklint.VFK105"));
    }

    /** Same findings, same order, same fingerprints (the first of each vforklint/v1 value as is). */
    private static void checkAgainstSarif(JsonNode gitlab, JsonNode sarif) {
        Iterator<JsonNode> issues = gitlab.iterator();
        Set<String> seen = new HashSet<>();
        for (JsonNode result : sarif.path("runs").get(0).path("results")) {
            JsonNode issue = issues.next();
            assertEquals("vforklint." + result.path("ruleId").asText(), issue.path("check_name").asText());
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertEquals(physical.path("artifactLocation").path("uri").asText(), issue.path("location").path("path").asText());
            assertEquals(physical.path("region").path("startLine").asInt(), issue.path("location").path("lines").path("begin").asInt());
            String fingerprint = result.path("partialFingerprints").path("vforklint/v1").asText();
            if (seen.add(fingerprint)) {
                assertEquals(fingerprint, issue.path("fingerprint").asText());
            }
        }
        while (issues.hasNext()) {
            assertEquals("vforklint.incomplete", issues.next().path("check_name").asText());
        }
    }
}
