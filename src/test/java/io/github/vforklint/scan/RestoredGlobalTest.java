package io.github.vforklint.scan;

import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A global the child writes and the parent stores to again as soon as vfork returns (tcsh saves
 * and restores what its child changes) is a VFK104 warning; any other path out of the parent
 * before the store keeps it an error.
 */
class RestoredGlobalTest {

    @TempDir
    Path project;

    private List<String> findings(String body) throws Exception {
        Files.writeString(project.resolve("main.c"), """
                #include <stdlib.h>
                #include <unistd.h>
                int setintr, haderr;
                void palloc(int pid);
                void run(char **argv)
                {
                    int osetintr = setintr, ohaderr = haderr;
                    pid_t pid = vfork();
                    if (pid == 0) {
                        setintr = 0;
                        haderr = 1;
                        execv(argv[0], argv);
                        _exit(127);
                    }
                """ + body + "}\n");
        ScanResult result = new Scanner(ScanOptions.defaults(project), FunctionKnowledge.load(), RuleCatalogue.load())
                .scan(List.of(project));
        return result.findings().stream().map(f -> f.location().line() + " " + f.ruleId() + " " + f.severity()).sorted().toList();
    }

    @Test
    void restoredAtOnceIsAWarning() throws Exception {
        assertEquals(List.of("10 VFK104 WARNING", "11 VFK104 WARNING"),
                findings("setintr = osetintr;\nhaderr = ohaderr;\npalloc(pid);\n"));
    }

    @Test
    void restoredAfterACallOfTheProgramsOwnCodeIsAnError() throws Exception {
        assertEquals(List.of("10 VFK104 WARNING", "11 VFK104 ERROR"),
                findings("setintr = osetintr;\npalloc(pid);\nhaderr = ohaderr;\n"));
    }

    @Test
    void restoredOnOnePathOnlyOrReadFirstIsAnError() throws Exception {
        assertEquals(List.of("10 VFK104 ERROR", "11 VFK104 ERROR", "17 VFK201 WARNING"),
                findings("if (ohaderr)\n setintr = osetintr;\nif (haderr) return;\nhaderr = ohaderr;\n"));
        assertEquals(List.of("10 VFK104 WARNING", "11 VFK104 WARNING"),
                findings("if (pid > 0) {\n setintr = osetintr;\n haderr = ohaderr;\n}\n"),
                "a failed vfork has no child to undo");
    }

    @Test
    void exitingThroughHandlersBeforeTheStoreIsAnError() throws Exception {
        assertEquals(List.of("10 VFK104 ERROR", "11 VFK104 WARNING"),
                findings("haderr = ohaderr;\nif (osetintr) exit(1);\nsetintr = osetintr;\n"));
        assertEquals(List.of("10 VFK104 WARNING", "11 VFK104 WARNING"),
                findings("haderr = ohaderr;\nif (osetintr) _exit(1);\nsetintr = osetintr;\n"),
                "_exit runs none of the program's code");
    }
}
