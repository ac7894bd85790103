package io.github.vforklint.analysis;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.scan.ScanOptions;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A statement a helper reaches along more chains than a summary keeps: reported once, the cut said. */
class TrailBoundTest {

    @TempDir
    Path dir;

    private ScanResult scan(int calls) throws Exception {
        StringBuilder code = new StringBuilder("#include <stdio.h>\n#include <unistd.h>\n"
                + "static void report(void) { puts(\"failed\"); }\nstatic void cleanup(void) {\n");
        for (int i = 0; i < calls; i++) {
            code.append("    report();\n");
        }
        code.append("}\nvoid spawn(char **argv) {\n    if (vfork() == 0) { execv(argv[0], argv); cleanup(); _exit(127); }\n}\n");
        Path file = dir.resolve("calls" + calls + ".c");
        Files.writeString(file, code);
        return new Scanner(ScanOptions.defaults(dir), FunctionKnowledge.load(), RuleCatalogue.load()).scan(List.of(file));
    }

    private static List<Finding> puts(ScanResult result) {
        return result.findings().stream().filter(f -> f.location().line() == 3).toList();
    }

    private static boolean saysTheCut(ScanResult result) {
        return result.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.INFO).map(Diagnostic::message)
                .anyMatch(m -> m.equals("in cleanup(), statements reached along more than "
                        + Summaries.MAX_TRAILS_PER_STATEMENT + " chains of calls are each reported with their "
                        + Summaries.MAX_TRAILS_PER_STATEMENT + " shortest chains only"));
    }

    @Test
    void asManyChainsAsASummaryKeepsAreAllReportedAndNothingIsSaid() throws Exception {
        ScanResult result = scan(Summaries.MAX_TRAILS_PER_STATEMENT);
        assertEquals(1, puts(result).size(), result.findings().toString());
        assertEquals(Summaries.MAX_TRAILS_PER_STATEMENT, puts(result).get(0).chains().size(), "every chain reported");
        assertFalse(saysTheCut(result), result.diagnostics().toString());
    }

    @Test
    void oneChainMoreIsCutAndTheCutIsSaid() throws Exception {
        ScanResult result = scan(Summaries.MAX_TRAILS_PER_STATEMENT + 1);
        assertEquals(1, puts(result).size(), "still one finding: " + result.findings());
        assertEquals(Summaries.MAX_TRAILS_PER_STATEMENT, puts(result).get(0).chains().size(), "the shortest ones only");
        // All chains are as long: the first calls in the file are kept (lines 5 to 20), the last one (21) cut.
        List<Integer> kept = puts(result).get(0).chains().stream()
                .map(c -> c.steps().get(c.steps().size() - 1).location().line()).sorted().toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(5, 4 + Summaries.MAX_TRAILS_PER_STATEMENT).boxed().toList(), kept);
        assertTrue(saysTheCut(result), result.diagnostics().toString());
        assertFalse(result.incomplete(), "every chain was analysed; fewer are reported: " + result.diagnostics());
    }
}
