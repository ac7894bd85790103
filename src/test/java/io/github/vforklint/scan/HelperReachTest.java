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
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("VFK108") && f.message().contains("reaches at least 4 functions")),
                result.findings().toString());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().startsWith("library() reaches at least 4 functions, more than 3")),
                result.diagnostics().toString());
        assertTrue(result.incomplete());
    }

    @Test
    void theLimitIsAppliedAtImportSoTheSummaryDoesNotDependOnWhoAskedFirst() throws Exception {
        // One scan, one summary of library(): the child that calls it itself follows it down to
        // l4's puts; the child that reaches it through direct() does not. Whichever child comes
        // first in the file (and so asks for the summary first), the answer is the same.
        String children = String.join("\n",
                "void itself(char **argv) {",
                "    if (vfork() == 0) { library(); execv(argv[0], argv); _exit(127); }",
                "}",
                "void through(char **argv) {",
                "    if (vfork() == 0) { direct(); execv(argv[0], argv); _exit(127); }",
                "}", "");
        String helpers = CODE.substring(0, CODE.indexOf("void spawn("));
        Path file = dir.resolve("reach.c");
        ScanOptions options = ScanOptions.defaults(dir).withLimits(new AnalysisLimits(64, 200_000, 3));
        Files.writeString(file, helpers + children);
        List<String> first = found(new Scanner(options, FunctionKnowledge.load(), RuleCatalogue.load()).scan(List.of(file)));
        String swapped = children.substring(children.indexOf("void through(")) + children.substring(0, children.indexOf("void through("));
        Files.writeString(file, helpers + swapped);
        List<String> second = found(new Scanner(options, FunctionKnowledge.load(), RuleCatalogue.load()).scan(List.of(file)));
        assertEquals(List.of("VFK101@3 via library", "VFK101@7 via direct", "VFK108@7 via direct"), first);
        assertEquals(first, second);
    }

    /** Rule, line and the first helper the child called, in a stable order. */
    private static List<String> found(ScanResult result) {
        return result.findings().stream()
                .flatMap(f -> f.chains().stream().map(c -> f.ruleId() + "@" + f.location().line() + " via "
                        + (c.steps().isEmpty() ? "-" : c.steps().get(0).function())))
                .distinct().sorted().toList();
    }

    @Test
    void whatLiesBeyondAFarReachingHelperIsNeverAnalysed() throws Exception {
        // heavy() is four calls below library(): with a reach limit of 3, library() is found to
        // reach too far after looking at 4 functions, so heavy() is never analysed, and its step
        // budget, which a full summary of library() would exhaust, is never mentioned
        StringBuilder heavy = new StringBuilder("static void heavy(int *v) {");
        for (int i = 0; i < 40; i++) {
            heavy.append(" if (v[").append(i).append("]) v[").append(i + 1).append("] = 0;");
        }
        heavy.append(" }");
        String code = String.join("\n",
                "#include <stdio.h>",
                "#include <unistd.h>",
                heavy.toString(),
                "static void l3(int *v) { heavy(v); }",
                "static void l2(int *v) { l3(v); }",
                "static void l1(int *v) { l2(v); }",
                "static void library(int *v) { l1(v); }",
                "static void direct(int *v) { library(v); }",
                "void spawn(char **argv, int *v) {",
                "    if (vfork() == 0) { direct(v); execv(argv[0], argv); _exit(127); }",
                "}",
                "");
        Path file = dir.resolve("far.c");
        Files.writeString(file, code);
        ScanOptions options = ScanOptions.defaults(dir).withLimits(new AnalysisLimits(64, 60, 3));
        ScanResult result = new Scanner(options, FunctionKnowledge.load(), RuleCatalogue.load()).scan(List.of(file));
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().contains("heavy()")), result.diagnostics().toString());
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("VFK108") && f.message().startsWith("library()")),
                result.findings().toString());

        ScanOptions generous = ScanOptions.defaults(dir).withLimits(new AnalysisLimits(64, 60, 50));
        ScanResult whole = new Scanner(generous, FunctionKnowledge.load(), RuleCatalogue.load()).scan(List.of(file));
        assertTrue(whole.diagnostics().stream().anyMatch(d -> d.message().contains("heavy()")),
                "within the limit heavy() is analysed, and its budget runs out: " + whole.diagnostics());
    }
}
