package io.github.vforklint.frontend.c;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.frontend.FrontEndContext;
import io.github.vforklint.frontend.FrontEndResult;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input to the C front end: every bound on parsing holds, says so in a diagnostic, and
 * leaves the rest of the file (and the scan) analysed. No timing is asserted; the inputs are
 * those that ran for minutes or gigabytes before the bounds existed.
 */
class ParseBoundsTest {

    private static final FunctionKnowledge KNOWLEDGE = FunctionKnowledge.load();

    /** A function that must still be analysed next to the hostile code: its site counts. */
    private static final String WELL_FORMED = String.join("\n",
            "void spawn(char **argv) {",
            "    if (vfork() == 0) { execv(argv[0], argv); _exit(127); }",
            "}", "");

    @TempDir
    Path dir;

    private FrontEndResult scan(String code, COptions options) throws Exception {
        Path file = dir.resolve("hostile.c");
        Files.writeString(file, "#include <unistd.h>\n" + code + "\n" + WELL_FORMED);
        SourceTree tree = SourceTree.build(List.of(dir), new SourceTree.Selection(CFrontEnd::isC, p -> false, p -> true),
                SourceTree.Limits.defaults(), 1);
        CFrontEnd frontEnd = CFrontEnd.prepare(options, KNOWLEDGE, List.of(dir));
        List<SourceFile> mine = tree.files().stream().filter(f -> frontEnd.reads(f.path())).toList();
        return frontEnd.analyse(new FrontEndContext(tree, mine, tree.mentioning(frontEnd.markers(), mine), dir, 1));
    }

    private FrontEndResult scan(String code) throws Exception {
        return scan(code, new COptions(List.of(), Map.of(), List.of(), false, "cc", null, AnalysisLimits.defaults()));
    }

    private static boolean says(FrontEndResult result, String text) {
        return result.diagnostics().stream().anyMatch(d -> d.message().contains(text));
    }

    @Test
    void aMacroBombIsLeftUndefinedAndTheRestIsAnalysed() throws Exception {
        StringBuilder code = new StringBuilder("#define A0 x\n");
        for (int i = 1; i <= 30; i++) {
            code.append("#define A").append(i).append(" A").append(i - 1).append(" A").append(i - 1).append('\n');
        }
        code.append("void bomb(void) { if (vfork() == 0) { A30; _exit(0); } }\n");
        FrontEndResult result = scan(code.toString());
        assertTrue(says(result, "macro A17 would expand to about 131072 tokens"), result.diagnostics().toString());
        assertEquals(2, result.vforkSites(), "both functions are analysed");
    }

    @Test
    void aMacroChainDeeperThanTheBoundIsLeftUndefined() throws Exception {
        StringBuilder code = new StringBuilder("#define B0 x\n");
        for (int i = 1; i <= 300; i++) {
            code.append("#define B").append(i).append(" B").append(i - 1).append('\n');
        }
        code.append("void chain(void) { if (vfork() == 0) { B300; _exit(0); } }\n");
        FrontEndResult result = scan(code.toString());
        assertTrue(says(result, "macro B200 would expand to more than 200 levels of macros"), result.diagnostics().toString());
        assertEquals(2, result.vforkSites());
    }

    @Test
    void tenThousandNestedIfsAreCutWithADiagnostic() throws Exception {
        int n = 10_000;
        String code = "int deep(int x) {\n" + "if (x) {\n".repeat(n) + "x++;\n" + "}\n".repeat(n) + "return x; }\n";
        FrontEndResult result = scan(code);
        assertTrue(says(result, "deep() at lines 2-" + (2 * n + 4) + " nests brackets more than 256 deep: not analysed"),
                result.diagnostics().toString());
        assertEquals(1, result.vforkSites(), "the well-formed function is still analysed");
    }

    @Test
    void aHundredThousandNestedParenthesesAreCutWithADiagnostic() throws Exception {
        int n = 100_000;
        String code = "int g(int x) { return " + "(".repeat(n) + "x" + ")".repeat(n) + "; }\n";
        FrontEndResult result = scan(code);
        assertTrue(says(result, "g() at lines 2-2 nests brackets more than 256 deep"), result.diagnostics().toString());
        assertEquals(1, result.vforkSites());
    }

    @Test
    void aVforkInCodeCutForDepthIsSaidToBeCutForDepth() throws Exception {
        String code = "int cut(char **argv) {\n    int x = " + "(".repeat(300) + "1" + ")".repeat(300) + ";\n"
                + "    if (vfork() == 0) { execv(argv[0], argv); _exit(127); }\n    return x;\n}\n";
        FrontEndResult result = scan(code);
        assertTrue(says(result, "vfork() here is not analysed as a vfork site: it is in cut() at lines 2-6, which nests"
                + " brackets more than 256 deep and is not analysed"), result.diagnostics().toString());
    }

    @Test
    void aBareIfDoesNotDropCodeSilently() throws Exception {
        FrontEndResult result = scan("#if\nvoid lost(void) { if (vfork() == 0) _exit(0); }\n#endif\n");
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.line() == 2
                        && d.message().equals("#if without a condition (a compiler rejects it): the code under it, to line 4, is not analysed")),
                result.diagnostics().toString());
        assertTrue(says(result, "vfork() here is not analysed as a vfork site: it is under an #if with no condition"),
                result.diagnostics().toString());
    }

    @Test
    void aDefineOfThousandsOfLinesAndAVeryLongExpressionAreRead() throws Exception {
        String define = "#define USAGE \\\n" + "  \"line\" \\\n".repeat(2_000) + "  \"end\"\n";
        String sum = "int sum(int a) { return a" + " + a".repeat(50_000) + "; }\n";
        FrontEndResult result = scan(define + sum);
        assertEquals(1, result.vforkSites(), result.diagnostics().toString());
    }

    @Test
    void aFileOverItsTimeIsAbandonedAndTheScanGoesOn() throws Exception {
        COptions hurried = new COptions(List.of(), Map.of(), List.of(), false, "cc", null, AnalysisLimits.defaults(),
                new ConfigurationSearch(12, false, Duration.ofNanos(1)));
        FrontEndResult result = scan("void more(void) { if (vfork() == 0) _exit(1); }\n", hurried);
        Diagnostic abandoned = result.diagnostics().stream().filter(d -> d.message().startsWith("abandoned after"))
                .findFirst().orElseThrow(() -> new AssertionError(result.diagnostics().toString()));
        assertEquals(Diagnostic.Kind.INCOMPLETE, abandoned.kind());
        assertEquals("hostile.c", abandoned.path());
    }

    @Test
    void headersFoundInTheTreeAreReadUpToTheBudgetAndTheRestAreNamed() throws Exception {
        // a tree carrying its own large header graph, as a kernel does: each header includes the next
        Path include = dir.resolve("include/big");
        Files.createDirectories(include);
        int count = InTreeHeaders.MAX_HEADERS + 5;
        for (int i = 0; i < count; i++) {
            Files.writeString(include.resolve("h" + i + ".h"), "#define H" + i + " 1\n"
                    + (i + 1 < count ? "#include <big/h" + (i + 1) + ".h>\n" : ""));
        }
        FrontEndResult result = scan("#include <big/h0.h>\n");
        assertTrue(says(result, "read " + InTreeHeaders.MAX_HEADERS + " headers found in the scanned tree, the most one file"
                + " may read that way; 1 more were left out (big/h" + InTreeHeaders.MAX_HEADERS + ".h)"), result.diagnostics().toString());
        assertEquals(1, result.vforkSites(), "the file is analysed with the headers it could read");
    }
}
