package io.github.vforklint.rules;

import io.github.vforklint.cli.CliTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vforklint.finding.Chain;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.scan.ScanOptions;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One unsafe statement reached from several call sites of the child is one finding with one
 * chain per call site, each with its own trail (text notes, JSON chains, SARIF code flows).
 */
class FindingChainsTest {

    @TempDir
    Path dir;

    private static final String CODE = String.join("\n",
            "#include <stdio.h>",
            "#include <unistd.h>",
            "static void report(const char *m) { fputs(m, stderr); }",
            "static void fail(const char *m) { report(m); _exit(127); }",
            "void first(char **argv) {",
            "    if (vfork() == 0) {",
            "        report(\"a\");",
            "        report(\"b\");",
            "        execv(argv[0], argv);",
            "        fail(\"exec\");",
            "    }",
            "}",
            "void second(char **argv) {",
            "    if (vfork() == 0) { execv(argv[0], argv); report(\"c\"); _exit(1); }",
            "}",
            "");

    private Path write() throws Exception {
        Path file = dir.resolve("chains.c");
        Files.writeString(file, CODE);
        return file;
    }

    @Test
    void everyCallSiteIsAChainOfTheSameFinding() throws Exception {
        Path file = write();
        ScanResult result = new Scanner(ScanOptions.defaults(dir), FunctionKnowledge.load(), RuleCatalogue.load())
                .scan(List.of(file));
        List<Finding> fputs = result.findings().stream().filter(f -> f.location().line() == 3).toList();
        assertEquals(1, fputs.size(), result.findings().toString());
        Finding f = fputs.get(0);
        List<String> chains = f.chains().stream().map(FindingChainsTest::spell).toList();
        assertEquals(List.of(
                "6 > 7:report",
                "6 > 8:report",
                "6 > 10:fail > 4:report",
                "14 > 14:report"), chains);
        assertEquals(f.chains().get(0).vfork(), f.vfork(), "vfork and trace are the first chain's");
        assertEquals(f.chains().get(0).steps(), f.trace());
    }

    @Test
    void reportsCarryEveryChain() throws Exception {
        Path file = write();
        JsonNode json = new ObjectMapper().readTree(run("check", "--no-config", "-f", "json", file.toString()));
        JsonNode finding = null;
        for (JsonNode n : json.path("findings")) {
            if (n.path("line").asInt() == 3) {
                finding = n;
            }
        }
        assertEquals(4, finding.path("chains").size());
        assertEquals(2, finding.path("chains").get(2).path("trace").size(), "through fail() and report()");

        JsonNode sarif = new ObjectMapper().readTree(run("check", "--no-config", "-f", "sarif", file.toString()));
        JsonNode result = null;
        for (JsonNode r : sarif.path("runs").get(0).path("results")) {
            if (r.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt() == 3) {
                result = r;
            }
        }
        assertEquals(4, result.path("codeFlows").size(), "one code flow per chain");

        String text = run("check", "--no-config", "--color", "never", file.toString());
        assertEquals(3, text.lines().filter(l -> l.contains("also reached from here")).count(), text);
    }

    private static String run(String... args) {
        return CliTest.run(args).out();
    }

    private static String spell(Chain chain) {
        StringBuilder s = new StringBuilder(String.valueOf(chain.vfork().line()));
        chain.steps().forEach(step -> s.append(" > ").append(step.location().line()).append(':').append(step.function()));
        return s.toString();
    }
}
