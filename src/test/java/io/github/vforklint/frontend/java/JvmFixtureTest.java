package io.github.vforklint.frontend.java;

import io.github.vforklint.cli.CliTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Scans every project under testdata/java whole, as {@code vforklint check --no-config DIR} does
 * (both front ends, suppressions, the JSON report), and compares findings and notes with the
 * expectations written in the files (testdata/java/README.md): every one expected is reported,
 * at the line (and, where given, the column), and nothing else is.
 */
class JvmFixtureTest {

    static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();
    static final Path FIXTURES = ROOT.resolve("testdata/java");
    /** expect: VFK301 VFK303@14  |  expect-next-line: VFK301  |  expect-note  |  expect-next-line-note. */
    private static final Pattern EXPECT = Pattern.compile("expect(-next-line)?:\\s*((?:VFK\\d{3}(?:@\\d+)?\\s*)+)");
    private static final Pattern NOTE = Pattern.compile("expect(-next-line)?-note\\b");
    /** Files that cannot hold comments (.mvn/jvm.config) list their expectations in an EXPECTATIONS file: "path:line: ids". */
    private static final Pattern SIDECAR = Pattern.compile("^(\\S+):(\\d+):\\s*((?:VFK\\d{3}(?:@\\d+)?\\s*)+)$");

    @TestFactory
    Stream<DynamicTest> everyJavaProjectFixture() throws IOException {
        List<Path> projects;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            projects = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(projects.size() >= 5, "JVM fixture projects missing under " + FIXTURES);
        return projects.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path project) throws Exception {
        Map<String, TreeMap<Integer, List<String>>> expected = new TreeMap<>();
        Map<String, TreeMap<Integer, Integer>> notes = new TreeMap<>();
        try (Stream<Path> s = Files.walk(project)) {
            for (Path file : s.filter(Files::isRegularFile).sorted().toList()) {
                String relative = ROOT.relativize(file).toString();
                if (file.getFileName().toString().equals("EXPECTATIONS")) {
                    for (String line : Files.readAllLines(file)) {
                        Matcher m = SIDECAR.matcher(line.strip());
                        if (!line.isBlank() && !line.strip().startsWith("#") && !m.matches()) {
                            fail(relative + ": not an expectation: " + line);
                        }
                        if (m.matches()) {
                            String target = ROOT.relativize(project.resolve(m.group(1))).toString();
                            expected.computeIfAbsent(target, k -> new TreeMap<>())
                                    .put(Integer.parseInt(m.group(2)), ids(m.group(3)));
                        }
                    }
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    if (m.find()) {
                        int line = m.group(1) == null ? i + 1 : i + 2;
                        expected.computeIfAbsent(relative, k -> new TreeMap<>()).put(line, ids(m.group(2)));
                    }
                    Matcher n = NOTE.matcher(lines.get(i));
                    if (n.find()) {
                        notes.computeIfAbsent(relative, k -> new TreeMap<>()).merge(n.group(1) == null ? i + 1 : i + 2, 1,
                                Integer::sum);
                    }
                }
            }
        }

        JsonNode report = run(project);
        Map<String, TreeMap<Integer, List<String>>> found = new TreeMap<>();
        Map<String, TreeMap<Integer, List<String>>> messages = new TreeMap<>();
        for (JsonNode f : report.path("findings")) {
            String path = f.path("path").asText();
            int line = f.path("line").asInt();
            found.computeIfAbsent(path, k -> new TreeMap<>()).computeIfAbsent(line, k -> new ArrayList<>())
                    .add(f.path("rule").asText() + "@" + f.path("column").asInt());
            messages.computeIfAbsent(path, k -> new TreeMap<>()).computeIfAbsent(line, k -> new ArrayList<>())
                    .add(f.path("rule").asText() + " " + f.path("message").asText());
        }
        Map<String, TreeMap<Integer, Integer>> foundNotes = new TreeMap<>();
        for (JsonNode d : report.path("diagnostics")) {
            if (d.path("message").asText().contains("not judged")) {
                foundNotes.computeIfAbsent(d.path("path").asText(), k -> new TreeMap<>())
                        .merge(d.path("line").asInt(), 1, Integer::sum);
            }
        }

        List<String> problems = new ArrayList<>();
        java.util.Set<String> paths = new java.util.TreeSet<>(expected.keySet());
        paths.addAll(found.keySet());
        for (String path : paths) {
            java.util.Set<Integer> lines = new java.util.TreeSet<>(expected.getOrDefault(path, new TreeMap<>()).keySet());
            lines.addAll(found.getOrDefault(path, new TreeMap<>()).keySet());
            for (int line : lines) {
                List<String> want = expected.getOrDefault(path, new TreeMap<>()).getOrDefault(line, List.of());
                List<String> got = found.getOrDefault(path, new TreeMap<>()).getOrDefault(line, List.of());
                if (!matches(want, got)) {
                    problems.add(path + ":" + line + ": expected " + want + " got " + got + " "
                            + messages.getOrDefault(path, new TreeMap<>()).getOrDefault(line, List.of()));
                }
            }
        }
        if (!notes.equals(foundNotes)) {
            problems.add("'not judged' notes: expected " + notes + " got " + foundNotes);
        }
        for (JsonNode d : report.path("diagnostics")) {
            if (d.path("kind").asText().equals("incomplete")) {
                problems.add("incomplete: " + d.path("path").asText() + ": " + d.path("message").asText());
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " mismatches:\n" + String.join("\n", problems));
        }
    }

    /** Same rules, same count; a column is compared where the expectation gives one. */
    private static boolean matches(List<String> want, List<String> got) {
        if (want.size() != got.size()) {
            return false;
        }
        List<String> left = new ArrayList<>(got);
        for (String w : want) {
            String match = left.stream().filter(g -> w.contains("@") ? g.equals(w) : g.startsWith(w + "@")).findFirst()
                    .orElse(null);
            if (match == null) {
                return false;
            }
            left.remove(match);
        }
        return true;
    }

    private static List<String> ids(String text) {
        return List.of(text.trim().split("\\s+"));
    }

    static JsonNode run(Path target, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--no-config", "-f", "json", "--fail-on", "never"));
        args.addAll(List.of(extra));
        args.add(target.toString());
        CliTest.Run r = CliTest.run(args);
        assertTrue(r.code() == 0 || r.code() == 3, "exit code " + r.code() + ": " + r.err());
        return new ObjectMapper().readTree(r.out());
    }
}
