package io.github.vforklint.scan;

import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files the C front end parses: those that name a vfork word in code, not in comments alone. */
class CandidateFilesTest {

    @TempDir
    Path dir;

    private ScanResult scan() throws Exception {
        return new Scanner(ScanOptions.defaults(dir), FunctionKnowledge.load(), RuleCatalogue.load()).scan(List.of(dir));
    }

    private void write(String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void aFileThatNamesVforkOnlyInCommentsIsNotParsed() throws Exception {
        write("site.c", "#include <stdio.h>", "#include <unistd.h>",
                "void spawn(char **argv) {", "    if (vfork() == 0) { printf(\"x\"); execv(argv[0], argv); _exit(127); }", "}");
        // The broken code would be a diagnostic if this file were parsed.
        write("comment.c", "/* the child of vfork() shares our memory */", "int broken( {");
        write("string.c", "const char *name = \"vfork\"; // vfork", "int also_broken( {");
        ScanResult result = scan();
        assertEquals(2, result.filesParsed(), "site.c, and string.c (a name in a string is not in a comment);"
                + " comment.c only explains vfork");
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.path().equals("comment.c")), result.diagnostics().toString());
        assertEquals(1, result.vforkSites());
        assertEquals(List.of("VFK101"), result.findings().stream().map(f -> f.ruleId()).toList());
    }

    @Test
    void aCloneCallIsACandidateThroughCloneVforkAndNotThroughCloneVmAlone() throws Exception {
        write("threads.c", "#include <sched.h>", "int start(int (*fn)(void *), void *stack) {",
                "    return clone(fn, stack, CLONE_VM | CLONE_FS, 0);", "}", "int broken( {");
        write("spawn.c", "#include <sched.h>", "#include <stdio.h>", "static int child(void *arg) { printf(\"x\"); return 0; }",
                "int start2(void *stack) {", "    return clone(child, stack, CLONE_VM | CLONE_VFORK, 0);", "}");
        ScanResult result = scan();
        assertEquals(1, result.filesParsed(), "threads.c names CLONE_VM alone: a clone call there cannot be vfork-like");
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.path().equals("threads.c")), result.diagnostics().toString());
        assertEquals(1, result.vforkSites());
    }

    @Test
    void aFileThatOnlyTestsCloneVforkIsNotParsed() throws Exception {
        // The kernel's uprobes.c asks whether a task was cloned with CLONE_VFORK; it makes no such clone.
        write("tests.c", "int shares(unsigned long flags) {", "    if (!(flags & CLONE_VFORK)) return 1;",
                "    return (flags &~CLONE_VFORK) != 0;", "}", "int broken( {");
        write("passes.c", "#include <sched.h>", "int start(int (*fn)(void *), void *stack, unsigned long flags) {",
                "    return clone(fn, stack, CLONE_VM | (flags & CLONE_VFORK), 0);", "}");
        write("logical.c", "int odd(unsigned long flags) {", "    return flags && CLONE_VFORK;", "}");
        write("sets.c", "struct args { unsigned long flags; };",
                "struct args vfork_args = { .flags = CLONE_VFORK };");
        write("macro.c", "#define CHILD_FLAGS (CLONE_VM | SIGCHLD)",
                "int spawn(int (*fn)(void *), void *stack, unsigned long o) {",
                "    unsigned long f = CHILD_FLAGS | (o & CLONE_VFORK);", "    return f; }");
        write("wrapper.c", "int my_clone(int (*fn)(void *), void *stack, unsigned long flags) {",
                "    if (flags & CLONE_VFORK) flags |= 17;", "    return clone(fn, stack, flags, 0);", "}");
        write("passed.c", "int keep(unsigned long flags) {", "    return note(flags & CLONE_VFORK);", "}");
        ScanResult result = scan();
        assertEquals(6, result.filesParsed(), "passes.c names CLONE_VM beside its test, logical.c's && is no"
                + " test of the flag's bit, sets.c sets it, macro.c's own macro names CLONE_VM, wrapper.c calls"
                + " clone, passed.c passes the bit on; tests.c only tests it");
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.path().equals("tests.c")), result.diagnostics().toString());
    }
}
