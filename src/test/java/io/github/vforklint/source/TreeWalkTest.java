package io.github.vforklint.source;

import io.github.vforklint.finding.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walk itself hands back files in full-path order, so the tree never sorts them afterwards. */
class TreeWalkTest {

    @TempDir
    Path dir;

    @Test
    void eachFolderOrdersItsEntriesSoThatTheirPathsComeOutInOrder() throws IOException {
        List<String> names = new ArrayList<>(List.of("foo0.c", "foo/x.c", "foo/bar/y.c", "foo/bar.c", "foo.c",
                "foo-bar.c", "a b.c", "Z.c", "é.c"));
        for (int i = 0; i < 40; i++) {
            names.add("many/f" + i + ".c");
        }
        for (String name : names) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "int x;\n");
        }
        SourceTree.Selection all = new SourceTree.Selection(p -> true, p -> false, p -> true);
        for (int jobs : new int[] {1, 2, 4}) {
            List<Diagnostic> diagnostics = new ArrayList<>();
            TreeWalk.Walked<Long> walk = TreeWalk.walk(dir, all, jobs, (file, size) -> size, diagnostics);
            List<TreeWalk.Found<Long>> found = walk.files();
            List<Path> walked = found.stream().map(TreeWalk.Found::path).toList();
            List<Path> sorted = new ArrayList<>(walked);
            sorted.sort(null);
            assertEquals(sorted, walked, "with " + jobs + " threads");
            assertEquals(names.size(), walked.size());
            assertEquals(List.of(), diagnostics);
            found.forEach(f -> assertEquals(7L, f.made()));
            assertFalse(walk.inPathOrder(), "é.c: a name that is not ASCII is not vouched for");
        }
        Files.delete(dir.resolve("é.c"));
        assertTrue(TreeWalk.walk(dir, all, 2, (file, size) -> size, new ArrayList<>()).inPathOrder());
    }

    @Test
    void aTreeWithANameThatIsNotAsciiIsStillListedInPathOrder() throws IOException {
        for (String name : List.of("é/a.c", "e.c", "z.c", "Ω.c", "a/é.c", "a/e.c")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "int x;\n");
        }
        SourceTree t = SourceTree.build(List.of(dir), new SourceTree.Selection(p -> true, p -> false, p -> true),
                SourceTree.Limits.defaults(), 2);
        List<Path> listed = t.files().stream().map(SourceFile::path).toList();
        List<Path> sorted = new ArrayList<>(listed);
        sorted.sort(null);
        assertEquals(sorted, listed);
        assertEquals(6, listed.size());
    }
}
