package io.github.vforklint.scan;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A vfork call that is not analysed as a site is said to be so with the reason that holds. */
class CoverageReasonTest {

    private static final FunctionKnowledge KNOWLEDGE = FunctionKnowledge.load();
    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

    @TempDir
    Path project;

    private ScanResult scan() throws Exception {
        return new Scanner(ScanOptions.defaults(project), KNOWLEDGE, CATALOGUE).scan(List.of(project));
    }

    /** What the scan says about {@code line} of main.c. */
    private List<String> saidAt(int line) throws Exception {
        return scan().diagnostics().stream().filter(d -> d.line() == line).map(Diagnostic::message).toList();
    }

    @Test
    void aVforkMacroWhoseHeaderWasNotReadIsSaidToBeUndefinedHere() throws Exception {
        // two x.h equally near main.c: neither is read, so SPAWN() is a call of an unknown function
        Files.createDirectories(project.resolve("src/a"));
        Files.createDirectories(project.resolve("src/b"));
        Files.writeString(project.resolve("src/a/x.h"), "#define SPAWN() vfork()\n");
        Files.writeString(project.resolve("src/b/x.h"), "#define SPAWN() vfork()\n");
        Files.writeString(project.resolve("src/main.c"), """
                #include <unistd.h>
                #include "x.h"
                int run(char **argv)
                {
                    pid_t pid = SPAWN();
                    if (pid == 0) {
                        execv(argv[0], argv);
                        _exit(127);
                    }
                    return pid;
                }
                """);
        assertEquals(List.of("SPAWN() here is not analysed as a vfork site: SPAWN is a"
                + " macro for vfork elsewhere in the tree, and no header this file's parse read defines it (some of its"
                + " #include \"...\" headers were not read: see the notes on those lines)"), saidAt(5));
    }

    @Test
    void vforkItselfInCodeThatCannotRunIsNotSaidToBeAMacro() throws Exception {
        // vfork is a "macro for vfork" only by courtesy of the name set; read as a name, it is vfork
        Files.writeString(project.resolve("main.c"), """
                #include <unistd.h>
                int run(char **argv)
                {
                    const int enabled = 0;
                    if (enabled) {
                        if (vfork() == 0) {
                            execv(argv[0], argv);
                            _exit(127);
                        }
                    }
                    return 0;
                }
                """);
        assertEquals(List.of("vfork() here is not analysed as a vfork site:"
                + " vforklint analysed run() but did not take this call as a vfork site (it is inside another vfork"
                + " child, or in code that cannot run)"), saidAt(6));
    }

    @Test
    void aSiteMadeByAMacroInsideAnotherMacroUseIsCovered() throws Exception {
        // the site is placed at GUARD, the outermost use; SPAWN() written inside it is the same call
        Files.writeString(project.resolve("main.c"), """
                #include <unistd.h>
                #define SPAWN() vfork()
                #define GUARD(x) do { x; } while (0)
                int run(char **argv)
                {
                    pid_t pid;
                    GUARD(pid = SPAWN());
                    if (pid == 0) {
                        execv(argv[0], argv);
                        _exit(127);
                    }
                    return pid;
                }
                """);
        ScanResult result = scan();
        assertTrue(result.diagnostics().isEmpty() && result.vforkSites() == 1,
                result.vforkSites() + " sites, " + result.diagnostics());
    }
}
