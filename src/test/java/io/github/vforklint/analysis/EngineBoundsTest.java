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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's bounds and resolution rules, each pinned where a mutation of it would otherwise go
 * unnoticed: the step budget (its hit is a diagnostic naming the function, and what was found
 * stays), the call depth, the analyses a recursive cycle gets to settle, which definition a helper
 * call resolves to, and which clone flags make a vfork child.
 */
class EngineBoundsTest {

    @TempDir
    Path dir;

    private ScanResult scan(Map<String, String> files, AnalysisLimits limits) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        ScanOptions options = ScanOptions.defaults(dir).withLimits(limits);
        return new Scanner(options, FunctionKnowledge.load(), RuleCatalogue.load()).scan(List.of(dir));
    }

    private static List<String> found(ScanResult result) {
        return result.findings().stream().map(f -> f.ruleId() + "@" + f.location().path() + ":" + f.location().line()).toList();
    }

    private static final String LONG_CHILD = String.join("\n",
            "#include <stdio.h>",
            "#include <unistd.h>",
            "void spawn(char **argv) {",
            "    if (vfork() == 0) {",
            "        puts(\"first\");",
            "        if (argv[1]) argv[2] = 0;",
            "        if (argv[3]) argv[4] = 0;",
            "        if (argv[5]) argv[6] = 0;",
            "        puts(\"last\");",
            "        _exit(1);",
            "    }",
            "}",
            "");

    @Test
    void theStepBudgetIsADiagnosticNamingTheFunctionAndKeepsWhatWasFound() throws Exception {
        ScanResult whole = scan(Map.of("a.c", LONG_CHILD), AnalysisLimits.defaults());
        assertTrue(found(whole).contains("VFK101@a.c:9"), found(whole).toString());
        assertFalse(whole.incomplete(), whole.diagnostics().toString());

        ScanResult cut = scan(Map.of("a.c", LONG_CHILD), new AnalysisLimits(64, 4, 50));
        assertTrue(found(cut).contains("VFK101@a.c:5"), "what was found before the bound stays: " + found(cut));
        assertFalse(found(cut).contains("VFK101@a.c:9"), found(cut).toString());
        assertTrue(cut.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.INCOMPLETE
                && d.message().equals("analysis of spawn() stopped after 4 steps; findings in it may be missing")),
                cut.diagnostics().toString());
    }

    @Test
    void aHelperBeyondTheDepthLimitIsANoteAndTheRestIsReported() throws Exception {
        String code = String.join("\n",
                "#include <stdio.h>",
                "#include <unistd.h>",
                "static void d3(void) { puts(\"three\"); }",
                "static void d2(void) { puts(\"two\"); d3(); }",
                "static void d1(void) { d2(); }",
                "void spawn(char **argv) { if (vfork() == 0) { d1(); _exit(1); } }",
                "");
        assertEquals(List.of("VFK101@a.c:3", "VFK101@a.c:4"), found(scan(Map.of("a.c", code), AnalysisLimits.defaults())));
        ScanResult cut = scan(Map.of("a.c", code), new AnalysisLimits(2, 200_000, 50));
        assertEquals(List.of("VFK101@a.c:4"), found(cut), "d2 is 2 calls deep, d3 is 3");
        assertTrue(cut.diagnostics().stream().anyMatch(d -> d.message().startsWith("helper d3() is more than 2 calls deep")),
                cut.diagnostics().toString());
    }

    @Test
    void aCallResolvesToTheCallersStaticFunctionBeforeAnExportedOneElsewhere() throws Exception {
        ScanResult result = scan(Map.of(
                "main.c", String.join("\n",
                        "#include <unistd.h>",
                        "static void cleanup(void) { close(3); }",
                        "void report(void);",
                        "void spawn(char **argv) { if (vfork() == 0) { cleanup(); report(); execv(argv[0], argv); _exit(1); } }",
                        ""),
                "other.c", String.join("\n",
                        "#include <stdio.h>",
                        "void cleanup(void) { puts(\"other file's cleanup\"); }",
                        "void report(void) { puts(\"report\"); }",
                        ""),
                "lib.c", String.join("\n",
                        "#include <stdio.h>",
                        "static void report(void) { puts(\"a static report of another file\"); }",
                        "void use(void) { report(); }",
                        "")), AnalysisLimits.defaults());
        assertEquals(List.of("VFK101@other.c:3"), found(result),
                "cleanup() is main.c's own static; report() is other.c's exported one, not lib.c's static one");
    }

    @Test
    void aLongRecursiveCycleIsSolvedAsOneComponent() throws Exception {
        StringBuilder code = new StringBuilder("#include <stdio.h>\n#include <unistd.h>\n");
        int n = 40;
        for (int i = 0; i < n; i++) {
            code.append("static void f").append(i).append("(int d);\n");
        }
        for (int i = 0; i < n; i++) {
            code.append("static void f").append(i).append("(int d) { if (d > 0) f").append((i + 1) % n)
                    .append("(d - 1);").append(i == 20 ? " puts(\"deep\");" : "").append(" }\n");
        }
        code.append("void spawn(void) { if (vfork() == 0) { f0(100); _exit(1); } }\n");
        ScanResult result = scan(Map.of("cycle.c", code.toString()), AnalysisLimits.defaults());
        int putsLine = 3 + n + 20;
        assertEquals(List.of("VFK101@cycle.c:" + putsLine), found(result));
        assertFalse(result.incomplete(), result.diagnostics().toString());
        assertEquals(21, result.findings().get(0).trace().size(), "spawn -> f0 -> ... -> f20");
    }

    @Test
    void aDenseRecursiveCycleSettlesWithinItsBudget() throws Exception {
        // Each member stores to its own global and calls three others: every store reaches every
        // member along several paths, so members change several times before the cycle settles
        // (60 analyses of 14 members; four a member were too few).
        StringBuilder code = new StringBuilder("#include <unistd.h>\n");
        int n = 14;
        for (int i = 0; i < n; i++) {
            code.append("int g").append(i).append(";\nstatic void f").append(i).append("(int d);\n");
        }
        int firstBody = 2 + 2 * n;
        for (int i = 0; i < n; i++) {
            code.append("static void f").append(i).append("(int d) { g").append(i).append(" = d;");
            for (int k = 0; k < 3; k++) {
                code.append(" if (d > ").append(k).append(") f").append((i + 1 + 3 * k) % n).append("(d - 1);");
            }
            code.append(" }\n");
        }
        code.append("void spawn(void) { if (vfork() == 0) { f0(100); _exit(1); } }\n");
        ScanResult result = scan(Map.of("dense.c", code.toString()), AnalysisLimits.defaults());
        assertFalse(result.incomplete(), result.diagnostics().toString());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add("VFK104@dense.c:" + (firstBody + i));
        }
        assertEquals(expected, found(result), "every member's store to its global is the parent's memory");
    }

    @Test
    void cloneStartsAVforkChildOnlyWithBothFlags() throws Exception {
        String code = String.join("\n",
                "#include <sched.h>",
                "#include <stdio.h>",
                "#include <unistd.h>",
                "static int vm_only(void *a) { puts(\"vm\"); _exit(0); }",
                "static int vfork_only(void *a) { puts(\"vfork\"); _exit(0); }",
                "static int both(void *a) { puts(\"both\"); _exit(0); }",
                "static char stack[4096];",
                "void a(void) { clone(vm_only, stack + 4096, CLONE_VM | SIGCHLD, 0); }",
                "void b(void) { clone(vfork_only, stack + 4096, CLONE_VFORK | SIGCHLD, 0); }",
                "void c(void) { clone(both, stack + 4096, CLONE_VFORK | CLONE_VM | SIGCHLD, 0); }",
                "");
        ScanResult result = scan(Map.of("clone.c", code), AnalysisLimits.defaults());
        assertEquals(List.of("VFK101@clone.c:6"), found(result));
        Finding f = result.findings().get(0);
        assertEquals(10, f.vfork().line(), "the clone call is the vfork site");
        assertEquals(List.of("both"), f.trace().stream().map(s -> s.function()).toList());
    }
}
