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
            List<TreeWalk.Found<Long>> found = TreeWalk.walk(dir, all, jobs, (file, size) -> size, diagnostics);
            List<Path> walked = found.stream().map(TreeWalk.Found::path).toList();
            List<Path> sorted = new ArrayList<>(walked);
            sorted.sort(null);
            assertEquals(sorted, walked, "with " + jobs + " threads");
            assertEquals(names.size(), walked.size());
            assertEquals(List.of(), diagnostics);
            found.forEach(f -> assertEquals(7L, f.made()));
        }
    }
}
