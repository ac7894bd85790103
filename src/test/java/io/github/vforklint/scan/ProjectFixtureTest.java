package io.github.vforklint.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Multi-file projects under testdata/projects, each scanned with the compile_commands.json its
 * project.yml describes and without it. {@code expect:} lines hold in both configurations,
 * {@code expect-db:} only with the database, {@code expect-nodb:} only without.
 */
class ProjectFixtureTest {

    private static final Path ROOT = FixtureTest.ROOT;
    private static final Path PROJECTS = ROOT.resolve("testdata/projects");
    private static final Pattern EXPECT = Pattern.compile(
            "expect(-db|-nodb)?:\\s*((?:VFK\\d{3}\\s*)+)(?:\\(when ([^)]*)\\))?");
    private static final FunctionKnowledge KNOWLEDGE = FunctionKnowledge.load();
    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyProjectWithAndWithoutItsDatabase() throws IOException {
        List<Path> projects;
        try (Stream<Path> s = Files.list(PROJECTS)) {
            projects = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(projects.size() >= 3, "need at least three fixture projects");
        return projects.stream().flatMap(p -> Stream.of(
                DynamicTest.dynamicTest(p.getFileName() + " with compile_commands.json", () -> check(p, true)),
                DynamicTest.dynamicTest(p.getFileName() + " without it", () -> check(p, false))));
    }

    private void check(Path project, boolean withDatabase) throws Exception {
        ScanOptions options = ScanOptions.defaults(ROOT);
        if (withDatabase) {
            options = options.withCompileCommands(writeDatabase(project));
        }
        ScanResult result = new Scanner(options, KNOWLEDGE, CATALOGUE).scan(List.of(project));
        Map<String, List<String>> expected = expectations(project, withDatabase);
        Map<String, List<String>> actual = new TreeMap<>();
        for (Finding f : result.findings()) {
            actual.computeIfAbsent(f.location().path() + ":" + f.location().line(), k -> new ArrayList<>())
                    .add(f.ruleId() + (f.configuration() == null ? "" : " (when " + f.configuration() + ")") + " " + f.message());
        }
        List<String> problems = new ArrayList<>();
        for (String where : union(expected, actual)) {
            List<String> want = expected.getOrDefault(where, List.of());
            List<String> got = actual.getOrDefault(where, List.of()).stream().map(ProjectFixtureTest::idAndConfiguration)
                    .sorted().toList();
            if (!want.equals(got)) {
                problems.add(where + ": expected " + want + " got " + actual.getOrDefault(where, List.of()));
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\ndiagnostics: " + result.diagnostics());
        }
    }

    /** compile_commands.json with absolute paths, as a build system writes it. */
    private Path writeDatabase(Path project) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(project.resolve("project.yml").toFile());
        ArrayNode entries = json.createArrayNode();
        for (JsonNode e : spec.path("entries")) {
            ObjectNode entry = entries.addObject();
            entry.put("directory", project.toAbsolutePath().toString());
            entry.put("file", project.resolve(e.path("file").asText()).toAbsolutePath().toString());
            if (e.has("arguments")) {
                entry.set("arguments", e.path("arguments"));
            } else {
                entry.put("command", e.path("command").asText());
            }
        }
        Path db = temp.resolve(project.getFileName() + "-compile_commands.json");
        json.writerWithDefaultPrettyPrinter().writeValue(db.toFile(), entries);
        return db;
    }

    private static Map<String, List<String>> expectations(Path project, boolean withDatabase) throws IOException {
        Map<String, List<String>> expected = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(project)) {
            sources = s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).toList();
        }
        for (Path file : sources) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = EXPECT.matcher(lines.get(i));
                while (m.find()) {
                    String scope = m.group(1);
                    if (scope == null || scope.equals("-db") == withDatabase) {
                        String when = m.group(3) == null ? "" : " (when " + m.group(3).trim() + ")";
                        // Two expectations on one line (one for each scope) add up, neither replaces the other.
                        List<String> ids = expected.computeIfAbsent(ROOT.relativize(file) + ":" + (i + 1), k -> new ArrayList<>());
                        List.of(m.group(2).trim().split("\\s+")).forEach(id -> ids.add(id + when));
                        ids.sort(null);
                    }
                }
            }
        }
        return expected;
    }

    /** "VFK101" or "VFK101 (when NOMMU is defined)", from a finding as {@link #check} writes it. */
    private static String idAndConfiguration(String finding) {
        int when = finding.indexOf(" (when ");
        return when == 6 ? finding.substring(0, finding.indexOf(')', when) + 1) : finding.substring(0, 6);
    }

    private static List<String> union(Map<String, List<String>> a, Map<String, List<String>> b) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return new ArrayList<>(keys.keySet());
    }

    @Test
    void theWrapperAndTheMacroNameTheirSites() throws Exception {
        Path project = PROJECTS.resolve("busybox-like");
        ScanOptions options = ScanOptions.defaults(ROOT).withCompileCommands(writeDatabase(project));
        ScanResult result = new Scanner(options, KNOWLEDGE, CATALOGUE).scan(List.of(project));
        Finding setenv = result.findings().stream().filter(f -> f.location().path().endsWith("crond.c")).findFirst().orElseThrow();
        assertEquals("XVFORK", setenv.vfork().macro(), "the site is the macro's use in crond.c");
        assertTrue(setenv.vfork().path().endsWith("miscutils/crond.c"));
        Finding execvp = result.findings().stream().filter(f -> f.ruleId().equals("VFK107")).findFirst().orElseThrow();
        assertTrue(execvp.location().path().endsWith("libbb/exec.c"));
        assertTrue(execvp.vfork().path().endsWith("runit/runsv.c"), "the site is the wrapper's call in runsv.c");
        assertEquals(List.of("BB_EXECVP_or_die"), execvp.trace().stream().map(t -> t.function()).toList());
        assertTrue(execvp.trace().get(0).location().path().endsWith("runit/runsv.c"));
        Finding exit = result.findings().stream().filter(f -> f.ruleId().equals("VFK102")).findFirst().orElseThrow();
        assertTrue(exit.location().path().endsWith("libbb/die.c"), "exit() is reported inside the die helper");
        assertEquals("bb_perror_msg_and_die", exit.trace().get(exit.trace().size() - 1).function());
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.kind() == Diagnostic.Kind.INCOMPLETE), result.diagnostics().toString());
    }

    @Test
    void aCutInTheCallChainIsADiagnosticNotSilence() throws Exception {
        Path project = PROJECTS.resolve("spawn");
        ScanOptions base = ScanOptions.defaults(ROOT).withCompileCommands(writeDatabase(project));
        ScanOptions shallow = new ScanOptions(base.baseDir(), base.profile(), base.select(), base.ignore(),
                base.includeDirs(), base.defines(), base.undefines(), base.paths(), base.jobs(), base.systemIncludes(),
                base.compiler(), base.compileCommands(), new AnalysisLimits(1, 200_000));
        ScanResult result = new Scanner(shallow, KNOWLEDGE, CATALOGUE).scan(List.of(project));
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("calls deep")), result.diagnostics().toString());
        assertTrue(result.incomplete());
    }

    @Test
    void redefinitionsOfVforkAreSaidOncePerFile() throws Exception {
        Path project = PROJECTS.resolve("nommu");
        ScanOptions options = ScanOptions.defaults(ROOT).withCompileCommands(writeDatabase(project));
        ScanResult result = new Scanner(options, KNOWLEDGE, CATALOGUE).scan(List.of(project));
        List<Diagnostic> said = result.diagnostics().stream().filter(d -> d.message().startsWith("fork is defined as vfork")).toList();
        assertEquals(2, said.size(), result.diagnostics().toString());
        assertTrue(said.get(0).message().contains("portable.h"), said.get(0).message());
    }

    @Test
    void anAmbiguousHelperIsADiagnosticAndAnotherProjectsHelperIsNeverTaken() throws Exception {
        Path project = PROJECTS.resolve("monorepo");
        ScanResult result = new Scanner(ScanOptions.defaults(ROOT), KNOWLEDGE, CATALOGUE).scan(List.of(project));
        Diagnostic ambiguous = result.diagnostics().stream().filter(d -> d.message().startsWith("report() is defined in 2 files"))
                .findFirst().orElseThrow(() -> new AssertionError(result.diagnostics().toString()));
        assertTrue(ambiguous.path().endsWith("gamma/run.c"), ambiguous.toString());
        assertTrue(ambiguous.message().contains("gamma/one/report.c, testdata/projects/monorepo/gamma/two/report.c"), ambiguous.message());
        assertTrue(result.findings().stream().noneMatch(f -> f.location().path().contains("/alpha/")),
                "alpha's log_line is another program's: " + result.findings());
    }
}
