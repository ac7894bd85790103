package io.github.vforklint.frontend.c;

import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A parse that reads only the bodies a vfork analysis can reach, and every one of those. */
class SelectiveBodyParserTest {

    private static final BodySelection VFORK = BodySelection.reaching(Set.of("vfork"));

    @TempDir
    Path dir;

    private CUnit parse(String code, BodySelection selection) throws Exception {
        Path file = dir.resolve("t.c");
        Files.writeString(file, code);
        return new CParser(p -> Path.of(p).getFileName().toString()).parse(file, ParseSettings.defaults(),
                CParser.Shaping.NONE, selection);
    }

    private static boolean calls(FunctionBody body, String callee) {
        for (CfgNode node : body.nodes()) {
            for (Event e : node.events()) {
                if (e instanceof Event.Call c && callee.equals(c.callee())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String CHILD_AND_HELPERS = """
            int vfork(void); void _exit(int); int puts(const char *); int printf(const char *, ...);
            static void deeper(void) { printf("from the child's helper's helper"); }
            static void helper(void) { puts("in the child"); deeper(); }
            static void unrelated(void) { printf("never reached from the child"); }
            static void broken(void) { int x = ((( ; }
            int spawn(void) {
                int pid = vfork();
                if (pid == 0) { helper(); _exit(127); }
                return pid;
            }
            """;

    @Test
    void parsesComeBackUnfrozen() throws Exception {
        // freezing walks every node only so that a later change throws, and vforklint makes none
        CUnit selective = parse(CHILD_AND_HELPERS, VFORK);
        assertFalse(selective.treeFrozen());
        assertTrue(calls(selective.function("helper").orElseThrow(), "puts"), "a body read late is in the tree");
        assertFalse(parse(CHILD_AND_HELPERS, BodySelection.ALL).treeFrozen());
    }

    @Test
    void theVforkBodyAndWhatItNamesAreReadTransitively() throws Exception {
        CUnit unit = parse(CHILD_AND_HELPERS, VFORK);
        assertTrue(calls(unit.function("spawn").orElseThrow(), "vfork"));
        assertTrue(calls(unit.function("helper").orElseThrow(), "puts"));
        assertTrue(calls(unit.function("deeper").orElseThrow(), "printf"), "a helper's helper is read too");
        assertEquals(List.of("spawn"), unit.functionsCalling(Set.of("vfork")));
    }

    @Test
    void aBodyNoVforkBodyReachesIsNotRead() throws Exception {
        CUnit unit = parse(CHILD_AND_HELPERS, VFORK);
        assertTrue(unit.leftOut("unrelated") && unit.function("unrelated").isEmpty());
        assertTrue(unit.functionSpans().containsKey("unrelated"), "its definition and extent are still known");
        assertTrue(unit.diagnostics().stream().noneMatch(d -> d.message().contains("broken")),
                "what does not parse in a body nobody reaches is not reported: " + unit.diagnostics());
    }

    @Test
    void readingEverythingIsTheDefault() throws Exception {
        CUnit unit = parse(CHILD_AND_HELPERS, BodySelection.ALL);
        assertTrue(calls(unit.function("unrelated").orElseThrow(), "printf"));
        assertTrue(unit.diagnostics().stream().anyMatch(d -> d.message().contains("broken")), unit.diagnostics().toString());
    }

    @Test
    void aBodyCallingVforkThroughAGlobalPointerIsRead() throws Exception {
        CUnit unit = parse("""
                int vfork(void);
                static int (*start)(void) = vfork;
                int run(void) { return start(); }
                """, VFORK);
        assertEquals(List.of("run"), unit.functionsCalling(Set.of("vfork")));
    }

    @Test
    void aFunctionAReadBodyReachesThroughATableIsRead() throws Exception {
        CUnit unit = parse("""
                int vfork(void); void _exit(int); int puts(const char *);
                static void handler(void) { puts("through the table"); }
                static void (*const handlers[])(void) = { handler };
                void child(void) { if (vfork() == 0) { handlers[0](); _exit(1); } }
                """, VFORK);
        assertTrue(calls(unit.function("handler").orElseThrow(), "puts"));
    }

    @Test
    void aBodyWhoseVforkThePreprocessorHidIsRead() throws Exception {
        // the configuration explorer parses this file again with the branch on, and asks for the function
        CUnit unit = parse("""
                int fork(void); int vfork(void);
                int spawn(void) {
                #if NOMMU
                    return vfork();
                #else
                    return fork();
                #endif
                }
                """, VFORK);
        assertTrue(calls(unit.function("spawn").orElseThrow(), "fork"));
    }

    @Test
    void aNestedFunctionTheChildCallsIsRead() throws Exception {
        // inner() is deferred while outer() is parsed, and read once outer() is found to name it:
        // what does not parse in it is then reported, as it is in a whole parse
        String code = """
                int vfork(void); void _exit(int); int puts(const char *);
                void outer(void) {
                    void inner(void) { int level = 0 puts("nested"); }
                    if (vfork() == 0) { inner(); _exit(1); }
                }
                """;
        CUnit unit = parse(code, VFORK);
        assertTrue(calls(unit.function("outer").orElseThrow(), "inner"));
        assertTrue(unit.diagnostics().stream().anyMatch(d -> d.message().contains("inner()")), unit.diagnostics().toString());
        assertEquals(parse(code, BodySelection.ALL).diagnostics(), unit.diagnostics());
    }

    @Test
    void aDefinitionSharingItsNameWithALeftOutOneIsStillRead() throws Exception {
        // without its header, each DEFINE_CMD(x) { ... } is a K&R definition named DEFINE_CMD
        CUnit unit = parse("""
                int vfork(void); int puts(const char *);
                DEFINE_CMD(run) { int pid = vfork(); if (pid == 0) { puts("child"); } return pid; }
                DEFINE_CMD(list) { return puts("list"); }
                """, VFORK);
        assertEquals(List.of("DEFINE_CMD"), unit.functionsCalling(Set.of("vfork")));
        assertFalse(unit.leftOut("DEFINE_CMD"));
        assertTrue(calls(unit.function("DEFINE_CMD").orElseThrow(), "vfork"));
    }

    @Test
    void aFunctionNamedByAWordIsRead() throws Exception {
        // uClibc's vfork.c: where the architecture has no vfork, __vfork() is written as a fork
        CUnit unit = parse("int fork(void);\nint __vfork(void) { return fork(); }\n",
                BodySelection.reaching(Set.of("__vfork")));
        assertTrue(calls(unit.function("__vfork").orElseThrow(), "fork"));
    }

    @Test
    void aMacroThatExpandsToVforkMakesItsBodyRead() throws Exception {
        CUnit unit = parse("""
                int vfork(void);
                #define SPAWN() vfork()
                int spawn(void) { return SPAWN(); }
                """, VFORK);
        assertEquals(List.of("spawn"), unit.functionsCalling(Set.of("vfork")));
    }

    @Test
    void aBodyWithoutItsClosingBraceIsParsedAsBefore() throws Exception {
        CUnit selective = parse("int vfork(void);\nvoid f(void) { int x = 1;\n", VFORK);
        CUnit whole = parse("int vfork(void);\nvoid f(void) { int x = 1;\n", BodySelection.ALL);
        assertEquals(whole.functionSpans().keySet(), selective.functionSpans().keySet());
        assertEquals(whole.function("f").isPresent(), selective.function("f").isPresent());
        assertEquals(whole.diagnostics(), selective.diagnostics());
    }

    @Test
    void aBodyThatCannotBeReadLateMakesEveryParseOfItsFileWhole() throws Exception {
        BodySelection selection = BodySelection.reaching(Set.of("vfork"));
        String code = """
                int vfork(void); void _exit(int); int puts(const char *); void f(int);
                static void unrelated(void) { puts("never reached from the child"); }
                static void helper(int x) { f(x { ); } }
                int spawn(void) { int pid = vfork(); if (pid == 0) { helper(1); _exit(127); } return pid; }
                """;

        CUnit first = parse(code, selection);
        // the same file read another way (a recovery's rewrite, a configuration) whose bodies all read late
        CUnit second = parse(code.replace("f(x { ); }", "f(x);"), selection);

        assertTrue(first.readWhole(), "helper's late read failed, so the file was parsed again reading every body");
        assertTrue(first.function("unrelated").isPresent());
        assertTrue(second.readWhole(), "every later parse with that selection reads as the first did: a recovery compares their problems");
        Path other = dir.resolve("other.c");
        Files.writeString(other, CHILD_AND_HELPERS);
        assertFalse(new CParser(p -> p).parse(other, ParseSettings.defaults(), CParser.Shaping.NONE, selection).readWhole(),
                "another file is still read selectively");
    }
}
