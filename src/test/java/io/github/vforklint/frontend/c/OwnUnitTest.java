package io.github.vforklint.frontend.c;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.source.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file's own unit, read for its vfork analysis, next to the whole parse that serves helpers. */
class OwnUnitTest {

    @TempDir
    Path dir;

    private ProgramIndex program() {
        SourceTree tree = SourceTree.build(List.of(dir), new SourceTree.Selection(
                p -> p.getFileName().toString().endsWith(".c"), p -> false, p -> true), SourceTree.Limits.defaults(), 1);
        CParser parser = new CParser(p -> Path.of(p).getFileName().toString(), SpelledCalls.NONE, tree);
        BuildSettings settings = new BuildSettings(new COptions(List.of(), Map.of(), List.of(), false, null, null,
                AnalysisLimits.defaults()), Optional.empty(), null);
        return new ProgramIndex(parser, settings, tree);
    }

    @Test
    void aLeftOutBodyTheAnalysisReachesAnywayComesFromTheWholeParse() throws Exception {
        Path file = dir.resolve("spawn.c");
        Files.writeString(file, """
                int vfork(void); void _exit(int); int puts(const char *);
                static void unnamed(void) { puts("named by no body a child reaches"); }
                int spawn(void) { int pid = vfork(); if (pid == 0) _exit(1); return pid; }
                """);
        ProgramIndex program = program();
        CUnit own = program.ownUnit(file, BodySelection.reaching(Set.of("vfork")));
        assertTrue(own.leftOut("unnamed"));
        FunctionBody caller = own.function("spawn").orElseThrow();

        FunctionBody served = program.within(own).function("unnamed", caller).orElseThrow();

        assertTrue(served.nodes().stream().map(CfgNode::events).flatMap(List::stream)
                .anyMatch(e -> e instanceof Event.Call c && "puts".equals(c.callee())), "its real body, not an empty one");
        assertFalse(program.unit(file).leftOut("unnamed"), "the unit helpers are served from reads every body");
    }
}
