package io.github.vforklint.compdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompilationDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void flagsInEitherSpellingAndInOrder() {
        Path d = Path.of("/src/proj");
        CompileFlags f = CompileFlags.parse(List.of("gcc", "-Iinclude", "-I", "/abs", "-iquote", "q", "-isystem", "sys",
                "-DA", "-DB=2", "-UA", "-D", "C=3", "-include", "config.h", "-std=gnu99", "-c", "x.c"), d);
        assertEquals(List.of(Path.of("/src/proj/include"), Path.of("/abs")), f.includeDirs());
        assertEquals(List.of(Path.of("/src/proj/q")), f.quoteDirs());
        assertEquals(List.of(Path.of("/src/proj/sys")), f.systemDirs());
        assertEquals(Map.of("B", "2", "C", "3"), f.defines());
        assertEquals(List.of("A"), f.undefines());
        assertEquals(List.of(Path.of("/src/proj/config.h")), f.forcedIncludes());
        assertEquals("gnu99", f.standard());
    }

    @Test
    void entriesWithArgumentsOrCommandRelativeToTheirDirectory() throws Exception {
        Files.writeString(dir.resolve("compile_commands.json"), "["
                + "{\"directory\": \"" + dir + "/build\", \"file\": \"../src/a.c\", \"arguments\": [\"cc\", \"-I../inc\", \"-c\", \"../src/a.c\"]},"
                + "{\"directory\": \"" + dir + "\", \"file\": \"" + dir + "/src/b.c\", \"command\": \"cc -DX='1 + 1' -c src/b.c\"}]");
        CompilationDatabase db = CompilationDatabase.load(dir);
        assertEquals(2, db.size());
        assertEquals(List.of(dir.resolve("inc")), db.flagsFor(dir.resolve("src/a.c")).orElseThrow().includeDirs());
        assertEquals(Map.of("X", "1 + 1"), db.flagsFor(dir.resolve("src/b.c")).orElseThrow().defines());
        assertTrue(db.flagsFor(dir.resolve("src/c.c")).isEmpty());
        assertEquals(dir.resolve("compile_commands.json"), CompilationDatabase.find(List.of(dir)).orElseThrow());
    }

    @Test
    void brokenDatabasesSayWhatIsWrong() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"not\": \"an array\"}");
        assertTrue(assertThrows(CompilationDatabase.InvalidDatabaseException.class, () -> CompilationDatabase.load(bad))
                .getMessage().contains("JSON array"));
        Files.writeString(bad, "[{\"directory\": \"/x\"}]");
        assertTrue(assertThrows(CompilationDatabase.InvalidDatabaseException.class, () -> CompilationDatabase.load(bad))
                .getMessage().contains("entry 0"));
        Files.writeString(bad, "[oops");
        assertThrows(CompilationDatabase.InvalidDatabaseException.class, () -> CompilationDatabase.load(bad));
    }
}
