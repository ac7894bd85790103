package io.github.vforklint.scan;

import io.github.vforklint.finding.Finding;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** VFK108 says what is likelier missing: a macro's header, or a function's file. */
class UnknownCallWordingTest {

    @TempDir
    Path project;

    @Test
    void aCallSpelledLikeAMacroAsksForItsHeader() throws Exception {
        Files.writeString(project.resolve("main.c"), """
                #include <unistd.h>
                void helper_fn(int);
                int run(char **argv)
                {
                    pid_t pid = vfork();
                    if (pid == 0) {
                        helper_fn(ARRAY_SIZE(argv));
                        __getrlimit32(0);
                        execv(argv[0], argv);
                        _exit(127);
                    }
                    return pid;
                }
                """);
        ScanResult result = new Scanner(ScanOptions.defaults(project), FunctionKnowledge.load(), RuleCatalogue.load())
                .scan(List.of(project));
        List<String> found = result.findings().stream().map(Finding::message).sorted().toList();
        assertEquals(List.of(
                "ARRAY_SIZE() in the vfork child cannot be checked: it is spelled like a macro, and no header the scan"
                        + " read defines it. Give the folder of the header that defines it with -I (or scan the tree it"
                        + " comes from), or move the call before vfork().",
                "__getrlimit32() in the vfork child cannot be checked: vforklint has neither its body nor a catalogue"
                        + " entry for it. Scan the file that defines it, or move the call before vfork().",
                "helper_fn() in the vfork child cannot be checked: vforklint has neither its body nor a catalogue entry"
                        + " for it. Scan the file that defines it, or move the call before vfork()."), found);
    }
}
