package io.github.vforklint.scan;

import io.github.vforklint.FixtureExpectations;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.Profile;
import io.github.vforklint.rules.RuleCatalogue;
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
 * Runs every fixture under testdata/c and compares findings with the expectations written in the
 * files: every expected finding must be reported and nothing else (see testdata/README.md).
 */
class FixtureTest {

    static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();
    static final Path FIXTURES = ROOT.resolve("testdata/c");
    private static final Pattern OPTIONS = Pattern.compile("fixture:\\s*(.*?)\\s*(?:\\*/|$)");
    private static final Pattern FUNCTION_START = Pattern.compile("^[A-Za-z_].*?\\b((?:bad|ok)_\\w+)\\s*\\([^;]*$");

    private static final FunctionKnowledge KNOWLEDGE = FunctionKnowledge.load();
    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

    @TestFactory
    Stream<DynamicTest> everyFixtureFile() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            files = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        assertTrue(files.size() >= 8, "fixtures missing under " + FIXTURES);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, false)));
    }

    /** Reading the real libc headers (--system-includes) must not change any verdict. */
    @TestFactory
    Stream<DynamicTest> everyFixtureFileWithSystemHeaders() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("cc"), "no cc on PATH to ask for the system include path");
        List<Path> files;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            files = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, true)));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @org.junit.jupiter.api.Test
    void fixturesHoldEnoughFunctionsOfEachKind() throws IOException {
        int bad = 0;
        int ok = 0;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".c")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = FUNCTION_START.matcher(line);
                    if (m.find()) {
                        if (m.group(1).startsWith("bad_")) {
                            bad++;
                        } else {
                            ok++;
                        }
                    }
                }
            }
        }
        assertTrue(bad >= 40 && ok >= 40, "need at least 40 bad_ and 40 ok_ fixture functions, have " + bad + " and " + ok);
    }

    static void check(Path file, boolean systemHeaders) throws Exception {
        List<String> lines = Files.readAllLines(file);
        ScanOptions options = ScanOptions.defaults(ROOT).withIncludeDirs(List.of(FIXTURES.resolve("include")));
        if (systemHeaders) {
            options = options.withSystemIncludes("cc");
        }
        for (String line : lines) {
            Matcher m = OPTIONS.matcher(line);
            if (m.find()) {
                options = applyOptions(options, m.group(1));
            }
        }
        ScanResult result = new Scanner(options, KNOWLEDGE, CATALOGUE).scan(List.of(file));

        Map<Integer, List<String>> expected = FixtureExpectations.expected(lines);
        String relative = ROOT.relativize(file).toString();
        Map<Integer, List<String>> found = new TreeMap<>();
        Map<Integer, List<String>> configurations = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (f.location().path().equals(relative)) {
                found.computeIfAbsent(f.location().line(), k -> new ArrayList<>()).add(f.ruleId() + " " + f.message());
                configurations.computeIfAbsent(f.location().line(), k -> new ArrayList<>())
                        .add(f.configuration() == null ? "" : f.configuration());
            }
        }
        List<String> problems = new ArrayList<>(FixtureExpectations.mismatches(relative, lines, expected, found));
        problems.addAll(FixtureExpectations.configurationMismatches(relative, FixtureExpectations.configurations(lines),
                configurations));
        problems.addAll(functionNamingProblems(relative, lines, expected, found));
        if (!problems.isEmpty()) {
            fail(problems.size() + " mismatches:\n" + String.join("\n", problems)
                    + (result.diagnostics().isEmpty() ? "" : "\ndiagnostics: " + result.diagnostics()));
        }
    }

    private static List<String> functionNamingProblems(String file, List<String> lines, Map<Integer, List<String>> expected,
                                                       Map<Integer, List<String>> actual) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FUNCTION_START.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            int end = i;
            while (end < lines.size() && !lines.get(end).equals("}")) {
                end++;
            }
            boolean hasExpectation = false;
            boolean hasFinding = false;
            for (int line = i + 1; line <= end + 1; line++) {
                hasExpectation |= expected.containsKey(line);
                hasFinding |= actual.containsKey(line);
            }
            String name = m.group(1);
            if (name.startsWith("bad_") && !hasExpectation) {
                problems.add(file + ":" + (i + 1) + ": " + name + " expects nothing; bad_ fixtures must expect a finding");
            }
            if (name.startsWith("ok_") && (hasExpectation || hasFinding)) {
                problems.add(file + ":" + (i + 1) + ": " + name + " must stay silent");
            }
        }
        return problems;
    }

    private static ScanOptions applyOptions(ScanOptions options, String text) {
        String[] words = text.split("\\s+");
        ScanOptions result = options;
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--profile") && i + 1 < words.length) {
                result = result.withProfile(Profile.parse(words[++i]));
            } else {
                throw new IllegalArgumentException("unsupported fixture option: " + words[i]);
            }
        }
        return result;
    }
}
