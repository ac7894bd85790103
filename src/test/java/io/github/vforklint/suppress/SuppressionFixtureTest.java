package io.github.vforklint.suppress;

import io.github.vforklint.cli.CliTest;
import io.github.vforklint.FixtureExpectations;
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
 * Runs every file under testdata/suppress through {@code vforklint check} and compares what it
 * reports, after suppressions, with the {@code expect:} comments (testdata/suppress/README.md).
 */
class SuppressionFixtureTest {

    static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();
    private static final Pattern OPTIONS = Pattern.compile("fixture:\\s*(.*?)\\s*(?:\\*/|$)");

    @TestFactory
    Stream<DynamicTest> everySuppressionFixture() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve("testdata/suppress"))) {
            files = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "suppression fixtures missing");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> args = new ArrayList<>(List.of("check", "--no-config", "-f", "json", "--fail-on", "never"));
        for (String line : lines) {
            Matcher m = OPTIONS.matcher(line);
            if (m.find()) {
                args.addAll(List.of(m.group(1).split("\\s+")));
            }
        }
        args.add(file.toString());
        CliTest.Run r = CliTest.run(args);
        assertTrue(r.code() == 0, "exit code " + r.code() + ": " + r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());

        Map<Integer, List<String>> found = new TreeMap<>();
        for (JsonNode f : report.path("findings")) {
            if (Path.of(f.path("path").asText()).getFileName().equals(file.getFileName())) {
                found.computeIfAbsent(f.path("line").asInt(), k -> new ArrayList<>())
                        .add(f.path("rule").asText() + " " + f.path("message").asText());
            }
        }
        List<String> problems = FixtureExpectations.mismatches(file.getFileName().toString(), lines,
                FixtureExpectations.expected(lines), found);
        if (!problems.isEmpty()) {
            fail(problems.size() + " mismatches:\n" + String.join("\n", problems));
        }
    }
}
