package io.github.vforklint.rules;

import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.scan.ScanOptions;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.scan.Scanner;
import io.github.vforklint.suppress.FindingFilter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue is the single source of rule prose: it must be complete, consistent, and its examples true. */
class RuleCatalogueTest {

    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();
    private static final FunctionKnowledge KNOWLEDGE = FunctionKnowledge.load();
    private static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath();
    private static final Set<String> PLACEHOLDERS = Set.of("callee", "reason", "variable", "exec", "function", "helper",
            "directive", "value", "via", "jdk", "why", "symbol", "through", "name", "target", "code", "site");

    @TempDir
    Path temp;

    @Test
    void everyRuleHasOneDocumentAndOneImplementation() {
        Set<String> documented = CATALOGUE.all().stream().map(RuleDefinition::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(RuleEngine.implementedRuleIds()), documented);
    }

    @Test
    void rulesComeInIdOrder() {
        // `vforklint rules`, SARIF's rule list (and its ruleIndex values) follow this order: it must not vary between runs.
        List<String> ids = CATALOGUE.all().stream().map(RuleDefinition::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void documentsAreComplete() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (RuleDefinition rule : CATALOGUE.all()) {
            String id = rule.id();
            if (!rule.name().matches("[a-z]+(-[a-z0-9]+)*")) {
                problems.add(id + ": name is not a kebab-case slug: " + rule.name());
            }
            if (!names.add(rule.name())) {
                problems.add(id + ": duplicate name " + rule.name());
            }
            if (rule.profiles().isEmpty()) {
                problems.add(id + ": no profile");
            }
            if (rule.summary().endsWith(".")) {
                problems.add(id + ": summary ends with a period");
            }
            Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(rule.message());
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    problems.add(id + ": unknown placeholder {" + m.group(1) + "}");
                }
            }
            if (rule.references().isEmpty() || rule.references().stream().anyMatch(r -> !r.url().startsWith("http"))) {
                problems.add(id + ": references missing or not URLs");
            }
            if (rule.bad().code().isBlank() || rule.good().code().isBlank()) {
                problems.add(id + ": needs a Bad and a Good example");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @TestFactory
    Stream<DynamicTest> badExamplesRaiseTheirRuleAndGoodOnesNothing() {
        return CATALOGUE.all().stream().flatMap(rule -> Stream.of(
                DynamicTest.dynamicTest(rule.id() + " bad", () -> {
                    List<Finding> findings = scan(rule, rule.bad().code(), rule.bad().file());
                    assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals(rule.id())),
                            rule.id() + "'s Bad example does not raise it: " + findings);
                }),
                DynamicTest.dynamicTest(rule.id() + " good", () -> {
                    List<Finding> findings = scan(rule, rule.good().code(), rule.good().file());
                    assertEquals(List.of(), findings.stream().map(f -> f.ruleId() + " " + f.message()).toList(),
                            rule.id() + "'s Good example is not clean");
                })));
    }

    @Test
    void everyRuleHasAFixtureThatExpectsIt() throws Exception {
        // VFK001 is about suppression comments, which have their own fixtures next to testdata/c.
        StringBuilder all = new StringBuilder();
        for (String dir : List.of("testdata/c", "testdata/suppress")) {
            try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".c")).toList()) {
                    all.append(Files.readString(p));
                }
            }
        }
        // The JVM rules' fixtures are whole projects: every file of them may hold an expectation.
        try (Stream<Path> s = Files.walk(ROOT.resolve("testdata/java"))) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                all.append(Files.readString(p)).append('\n');
            }
        }
        String fixtures = all.toString();
        List<String> missing = new ArrayList<>();
        for (RuleDefinition rule : CATALOGUE.all()) {
            if (!Pattern.compile("(expect(-next-line)?:|^\\S+:\\d+:)[ A-Z0-9@]*" + rule.id(), Pattern.MULTILINE)
                    .matcher(fixtures).find()) {
                missing.add(rule.id());
            }
        }
        assertEquals(List.of(), missing, "rules without a fixture expecting them");
    }

    /** What a user would see: the scan, then suppression comments (which VFK001 is about). */
    private List<Finding> scan(RuleDefinition rule, String code, String fileName) throws Exception {
        // Each example alone in its own folder, under the file name its code fence gives (pom.xml, Dockerfile...).
        Path file = temp.resolve(rule.id() + "-" + Math.abs(code.hashCode())).resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, code);
        Profile profile = rule.profiles().contains(Profile.DEFAULT) ? Profile.DEFAULT : Profile.STRICT;
        ScanOptions options = ScanOptions.defaults(temp).withProfile(profile);
        ScanResult result = new Scanner(options, KNOWLEDGE, CATALOGUE).scan(List.of(file));
        FindingFilter filter = new FindingFilter(CATALOGUE, options,
                FindingFilter.Settings.defaults(new ProjectPaths(temp, temp)));
        return filter.apply(result).result().findings();
    }
}
