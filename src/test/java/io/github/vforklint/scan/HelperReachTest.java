package io.github.vforklint.scan;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A helper that reaches a whole library is not followed; the child's own helpers always are. */
class HelperReachTest {

    @TempDir
    Path dir;

    private static final String CODE = String.join("\n",
            "#include <stdio.h>",
            "#include <unistd.h>",
            "static void l4(void) { puts(\"deep\"); }",
            "static void l3(void) { l4(); }",
            "static void l2(void) { l3(); }",
            "static void library(void) { l2(); }",
            "static void direct(void) { printf(\"mine\"); library(); }",
            "void spawn(char **argv) {",
            "    if (vfork() == 0) { direct(); execv(argv[0], argv); _exit(127); }",
            "}",
            "");

    private ScanResult scan(int reach) throws Exception {
        Path file = dir.resolve("reach.c");
        Files.writeString(file, CODE);
        ScanOptions options = ScanOptions.defaults(dir).withLimits(new AnalysisLimits(64, 200_000, reach));
        return new Scanner(options, FunctionKnowledge.load(), RuleCatalogue.load()).scan(List.of(file));
    }

    private static List<Integer> lines(ScanResult result) {
        return result.findings().stream().map(f -> f.location().line()).sorted().toList();
    }

    @Test
    void everythingIsFollowedWithinTheLimit() throws Exception {
        ScanResult result = scan(10);
        assertEquals(List.of(3, 7), lines(result));
        assertTrue(!result.incomplete(), result.diagnostics().toString());
    }

    @Test
    void aLibraryScaleHelperIsCutButTheChildsOwnHelperIsNot() throws Exception {
        ScanResult result = scan(3);
        assertEquals(List.of(7, 7), lines(result), "direct() is followed; library() reaches 4 functions and is not");
        assertEquals(List.of("VFK101", "VFK108"), result.findings().stream().map(f -> f.ruleId()).sorted().toList(),
                "the call that was not followed is a finding to review, not a silent cut");
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("VFK108") && f.message().contains("reaches 4 functions")),
                result.findings().toString());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().startsWith("library() reaches 4 functions, more than 3")),
                result.diagnostics().toString());
        assertTrue(result.incomplete());
    }

    @Test
    void theLimitIsAppliedAtImportSoTheSummaryDoesNotDependOnWhoAskedFirst() throws Exception {
        // the same helper, first summarised for a scan with a generous limit, gives the same
        // answer as a fresh scan: summaries are computed without any caller's limits
        assertEquals(lines(scan(10)), lines(scan(10)));
        assertEquals(List.of(7, 7), lines(scan(3)));
        assertEquals(List.of(7, 7), lines(scan(1)), "reach counts the helper itself: l4 alone reaches 1");
    }
}
