package io.github.vforklint.scan;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A helper file's unit is let go once more units than the scan keeps have been parsed after it,
 * and a small one asked for a helper has its other functions lowered then. What did not parse of
 * such a helper must still be said when a child reaches it, as it is when the helper's file is
 * parsed at the child's asking: which of the two happens depends on the threads. The tree is
 * sized for ProgramIndex's bounds (8 units kept) and the largest-first order: if those change,
 * check that this still fails when ProgramIndex says a helper's problems only where it parsed
 * the helper's file.
 */
class LetGoHelperTest {

    private static final FunctionKnowledge KNOWLEDGE = FunctionKnowledge.load();
    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

    @TempDir
    Path project;

    @Test
    void aHelperLoweredBeforeItsUnitWasLetGoStillSaysWhatDidNotParse() throws Exception {
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("lib/lib.c"), """
                #include <unistd.h>
                void first_helper(void) { _exit(1); }
                void second_helper(void) { int broken = 1 + ; _exit(2); }
                """);
        // Analysed largest first: the file asking for first_helper, then enough others to let
        // lib.c go, then the one asking for second_helper.
        Files.writeString(project.resolve("asks_first.c"), child("first_helper") + "/*" + "x".repeat(4000) + "*/\n");
        for (int i = 0; i < 20; i++) {
            Files.writeString(project.resolve(String.format("other_%02d.c", i)), child("_exit") + "/*" + "x".repeat(2000) + "*/\n");
        }
        Files.writeString(project.resolve("asks_second.c"), child("second_helper"));

        ScanOptions defaults = ScanOptions.defaults(project);
        ScanOptions oneThread = new ScanOptions(defaults.baseDir(), defaults.profile(), defaults.select(), defaults.ignore(),
                defaults.includeDirs(), defaults.defines(), defaults.undefines(), defaults.paths(), 1, defaults.systemIncludes(),
                defaults.compiler(), defaults.compileCommands(), defaults.limits());
        ScanResult result = new Scanner(oneThread, KNOWLEDGE, CATALOGUE).scan(List.of(project));

        List<Diagnostic> said = result.diagnostics().stream()
                .filter(d -> d.kind() == Diagnostic.Kind.INCOMPLETE && d.message().contains("second_helper()")).toList();
        assertTrue(!said.isEmpty() && said.get(0).path().endsWith("lib.c"), result.diagnostics().toString());
    }

    private static String child(String calls) {
        return """
                #include <unistd.h>
                void first_helper(void);
                void second_helper(void);
                int run(void) {
                    pid_t pid = vfork();
                    if (pid == 0) {
                        %s(0);
                    }
                    return pid;
                }
                """.formatted(calls);
    }
}
