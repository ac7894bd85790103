package io.github.vforklint.source;

import io.github.vforklint.finding.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceTreeTest {

    @TempDir
    Path dir;

    private static final SourceTree.Selection C_FILES = new SourceTree.Selection(
            p -> p.getFileName().toString().endsWith(".c") || p.getFileName().toString().endsWith(".h"),
            p -> false, p -> true);

    private SourceTree tree(Path... roots) {
        return SourceTree.build(List.of(roots), C_FILES, SourceTree.Limits.defaults(), 2);
    }

    private List<String> names(List<SourceFile> files) {
        return files.stream().map(f -> dir.relativize(f.path()).toString()).toList();
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void findsFilesByWholeWordsOnly() throws IOException {
        write("a.c", "pid = vfork();\n");
        write("b.c", "int vforked = 1; /* vforklint */\n");
        write("c.h", "#define SPAWN() __vfork()\n");
        write("d.txt", "vfork\n");
        SourceTree t = tree(dir);
        assertEquals(List.of("a.c", "b.c", "c.h"), names(t.files()));
        assertEquals(List.of("a.c"), names(t.mentioning(List.of("vfork"))));
        assertEquals(List.of("b.c", "c.h"), names(t.mentioning(List.of("vforked", "__vfork"))));
        assertEquals(List.of("b.c"), names(t.mentioning(List.of("vforklint"), List.of(t.files().get(1)))));
        assertEquals(List.of(), names(t.mentioning(List.of("fork"))));
    }

    @Test
    void shortWordsAreFoundByReadingTheFiles() throws IOException {
        write("a.c", "int ab(void);\n");
        write("b.c", "int abc;\n");
        assertEquals(List.of("a.c"), names(tree(dir).mentioning(List.of("ab"))));
    }

    @Test
    void definitionsAreLinesThatOpenABody() throws IOException {
        write("def.c", "static int helper(int a,\n    int b)\n{\n    return a;\n}\n"
                + "__attribute__((noreturn)) void die(const char *m) {\n}\n");
        write("proto.c", "int helper(int a, int b);\nvoid die(const char *m);\n");
        write("call.c", "void f(void) {\n    helper(1, 2);\n}\nhelper2(x) { }\n");
        SourceTree t = tree(dir);
        assertEquals(List.of("def.c"), names(t.mayDefine("helper")));
        assertEquals(List.of("def.c"), names(t.mayDefine("die")));
        assertEquals(List.of("call.c"), names(t.mayDefine("f")));
        assertEquals(List.of(), names(t.mayDefine("__attribute__")));
    }

    @Test
    void definitionsAreReadAtTheFirstQuestionAndOnlyThen() throws IOException {
        // The first pass looks for words alone; the definitions are a second read, made once.
        write("a.c", "int first(void) {\n}\n");
        write("b.c", "int other(void) {\n}\n");
        SourceTree t = tree(dir);
        write("a.c", "int second(void) {\n}\n");
        Files.delete(dir.resolve("b.c"));
        assertEquals(List.of("a.c"), names(t.mayDefine("second")));
        assertEquals(List.of(), names(t.mayDefine("first")));
        assertEquals(List.of(), names(t.mayDefine("other")), "a file gone since the walk defines nothing");
        write("a.c", "int third(void) {\n}\n");
        assertEquals(List.of(), names(t.mayDefine("third")));
        assertEquals(List.of("a.c"), names(t.mayDefine("second")));
    }

    @Test
    void aDefinitionStartsInTheFirstColumn() throws IOException {
        // busybox's libnetlink.c: a parameter on its own line is not a function of that name.
        write("params.c", "int walk(int fd,\n\t\tint (*filter)(int, void *),\n\t\tvoid *arg)\n{\n\treturn 0;\n}\n");
        write("indented.c", "#ifdef X\n  int local(void) {\n  }\n#endif\n");
        write("gnu.c", "static int\nsplit (int x)\n{\n  return x;\n}\n");
        SourceTree t = tree(dir);
        assertEquals(List.of("params.c"), names(t.mayDefine("walk")));
        assertEquals(List.of(), names(t.mayDefine("filter")));
        assertEquals(List.of(), names(t.mayDefine("local")));
        assertEquals(List.of("gnu.c"), names(t.mayDefine("split")));
    }

    @Test
    void headersAreFoundByTheEndOfTheirPath() throws IOException {
        write("src/lib/lib.h", "");
        write("src/xlib/lib.h", "");
        write("include/lib.h", "");
        SourceTree t = tree(dir);
        assertEquals(List.of("src/lib/lib.h"), names(t.endingWith("lib/lib.h")));
        assertEquals(List.of("include/lib.h", "src/lib/lib.h", "src/xlib/lib.h"), names(t.endingWith("lib.h")));
        assertEquals(List.of(), names(t.endingWith("/abs/lib.h")));
        assertEquals(List.of(), names(t.endingWith("")));
    }

    @Test
    void symbolicLinksAreFollowedOnceAndLoopsSaidSo() throws IOException {
        write("real/a.c", "vfork();\n");
        Files.createSymbolicLink(dir.resolve("real/loop"), dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("dangling.c"), dir.resolve("nowhere.c"));
        SourceTree t = tree(dir);
        assertEquals(List.of("real/a.c"), names(t.files()));
        assertTrue(t.diagnostics().stream().anyMatch(d -> d.message().contains("symbolic link loop")), t.diagnostics().toString());
        assertTrue(t.diagnostics().stream().anyMatch(d -> d.path().endsWith("dangling.c")
                && d.kind() == Diagnostic.Kind.INCOMPLETE && d.message().contains("symbolic link to nothing")));
    }

    @Test
    void aLinkGivenAsTheRootIsScanned() throws IOException {
        write("real/a.c", "vfork();\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        assertEquals(1, tree(link).files().size());
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        Path fifo = dir.resolve("pipe.c");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        write("a.c", "vfork();\n");
        SourceTree t = tree(dir);
        assertEquals(List.of("a.c"), names(t.files()));
        assertTrue(t.diagnostics().stream().anyMatch(d -> d.path().endsWith("pipe.c") && d.message().contains("not a regular file")));
        SourceTree named = tree(fifo);
        assertEquals(List.of(), named.files());
        assertEquals(1, named.diagnostics().size());
    }

    @Test
    void filesOverTheLimitAreSkippedWithADiagnostic() throws IOException {
        write("big.c", "vfork();\n" + "x".repeat(4096));
        write("small.c", "vfork();\n");
        SourceTree t = SourceTree.build(List.of(dir), C_FILES, new SourceTree.Limits(1024), 1);
        assertEquals(List.of("small.c"), names(t.mentioning(List.of("vfork"))));
        assertTrue(t.diagnostics().stream().anyMatch(d -> d.path().endsWith("big.c") && d.message().contains("larger than")));
    }

    @Test
    void namesThatAreNotUtf8AreKeptAsBytes() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "printf 'pid = vfork();\\n' > \"$(printf 'a\\377.c')\"")
                .directory(dir.toFile()).start();
        assertEquals(0, p.waitFor());
        SourceTree t = tree(dir);
        assertEquals(1, t.mentioning(List.of("vfork")).size());
        SourceFile f = t.files().get(0);
        assertEquals("pid = vfork();\n", new String(SourceText.read(f.path()).chars()));
        assertEquals("pid = vfork();\n", new String(new SourceFiles(t).get(f.path().toString()).chars()));
    }

    @Test
    void theIndexIsTheSameForAnyNumberOfThreads() throws IOException {
        for (int i = 0; i < 300; i++) {
            write("d" + (i % 7) + "/f" + i + ".c", i % 5 == 0 ? "int h" + i + "(void) {\n vfork();\n}\n" : "int g" + i + ";\n");
        }
        SourceTree one = SourceTree.build(List.of(dir), C_FILES, SourceTree.Limits.defaults(), 1);
        SourceTree four = SourceTree.build(List.of(dir), C_FILES, SourceTree.Limits.defaults(), 4);
        assertEquals(names(one.files()), names(four.files()));
        assertEquals(names(one.mentioning(List.of("vfork"))), names(four.mentioning(List.of("vfork"))));
        assertEquals(60, one.mentioning(List.of("vfork")).size());
        assertEquals(names(one.mayDefine("h15")), names(four.mayDefine("h15")));
        assertEquals(1, four.mayDefine("h15").size());
    }

    @Test
    void wordsAskedInAdvanceAnswerAsReadingAgainWould() throws IOException {
        write("a.c", "pid = vfork();\n");
        write("b.c", "/* NOLINT(VFORKLINT-VFK101) */ int x;\n");
        write("c.c", "xvfork();\n");
        write("Main.java", "launchMechanism = VFORK;\n");
        SourceTree.Selection all = new SourceTree.Selection(p -> true, p -> false, p -> true);
        java.util.function.Predicate<Path> c = p -> p.toString().endsWith(".c");
        SourceTree asked = SourceTree.build(List.of(dir), all, SourceTree.Limits.defaults(), 2, List.of(
                new SourceTree.Asked(c, List.of("vfork"), false),
                new SourceTree.Asked(p -> p.toString().endsWith(".java"), List.of("VFORK"), false),
                new SourceTree.Asked(p -> true, List.of("vforklint"), true)));
        SourceTree notAsked = SourceTree.build(List.of(dir), all, SourceTree.Limits.defaults(), 2);
        for (SourceTree t : List.of(asked, notAsked)) {
            assertEquals(List.of("a.c"), names(t.mentioning(List.of("vfork"))));
            assertEquals(List.of("c.c"), names(t.mentioning(List.of("xvfork"))));
            assertEquals(List.of("Main.java"), names(t.mentioning(List.of("VFORK"))));
            assertEquals(List.of("b.c"), names(t.mentioningInAnyCase(List.of("vforklint"), t.files())));
            assertEquals(List.of(), names(t.mentioning(List.of("vforklint"))), "as spelled, VFORKLINT is another word");
        }
    }

    @Test
    void aFileOverTheLimitIsNotReadAgainForALaterQuestion() throws IOException {
        write("big.c", "xvfork();\n" + "x".repeat(4096));
        SourceTree t = SourceTree.build(List.of(dir), C_FILES, new SourceTree.Limits(1024), 1,
                List.of(new SourceTree.Asked(p -> true, List.of("vfork"), false)));
        // Now small enough to read: reading it again would find the word.
        write("big.c", "xvfork();\n");
        assertEquals(List.of(), names(t.mentioning(List.of("xvfork"))));
        assertEquals(List.of(), names(t.mentioning(List.of("vfork", "xvfork"))));
    }

    @Test
    void aDirectoryOfManyFilesIsSharedOutAndListedInOrder() throws IOException {
        for (int i = 0; i < 200; i++) {
            write("many/f" + i + ".c", i == 150 ? "vfork();\n" : "int x;\n");
        }
        SourceTree t = SourceTree.build(List.of(dir), C_FILES, SourceTree.Limits.defaults(), 3,
                List.of(new SourceTree.Asked(p -> true, List.of("vfork"), false)));
        List<String> listed = names(t.files());
        List<String> sorted = new java.util.ArrayList<>(listed);
        sorted.sort(null);
        assertEquals(sorted, listed);
        assertEquals(200, listed.size());
        assertEquals(List.of("many/f150.c"), names(t.mentioning(List.of("vfork"))));
    }

    @Test
    void filesComeInTheOrderOfTheirFullPathsNotOfEachFolderListing() throws IOException {
        // By folder listing, "foo" sorts before "foo-bar.c"; by full path, foo/x.c comes after
        // foo.c, and foo/bar.c before foo/bar/y.c.
        for (String name : List.of("foo0.c", "foo/x.c", "foo/bar/y.c", "foo/bar.c", "foo.c", "foo-bar.c", "a b.c")) {
            write(name, "int x;\n");
        }
        List<String> expected = List.of("a b.c", "foo-bar.c", "foo.c", "foo/bar.c", "foo/bar/y.c", "foo/x.c", "foo0.c");
        for (int jobs : new int[] {1, 3}) {
            SourceTree t = SourceTree.build(List.of(dir), C_FILES, SourceTree.Limits.defaults(), jobs);
            assertEquals(expected, names(t.files()), "with " + jobs + " threads");
            for (int i = 0; i < t.files().size(); i++) {
                assertEquals(i, t.files().get(i).id());
            }
        }
    }

    @Test
    void overlappingRootsGiveEachFileOnceInPathOrder() throws IOException {
        write("foo/x.c", "vfork();\n");
        write("a.c", "int x;\n");
        write("z.c", "int x;\n");
        SourceTree t = SourceTree.build(List.of(dir.resolve("foo"), dir, dir.resolve("z.c")), C_FILES,
                SourceTree.Limits.defaults(), 2, List.of(new SourceTree.Asked(p -> true, List.of("vfork"), false)));
        assertEquals(List.of("a.c", "foo/x.c", "z.c"), names(t.files()));
        assertEquals(List.of("foo/x.c"), names(t.mentioning(List.of("vfork"))));
    }

    @Test
    void hiddenAndExcludedDirectoriesAreNotWalkedButConfigurationDirectoriesAre() throws IOException {
        write(".git/objects/a.c", "vfork();\n");
        write(".cache/b.c", "vfork();\n");
        write(".github/workflows/c.c", "vfork();\n");
        write("vendor/d.c", "vfork();\n");
        write("src/e.c", "vfork();\n");
        SourceTree t = SourceTree.build(List.of(dir), new SourceTree.Selection(C_FILES.read(),
                p -> p.getFileName().toString().equals("vendor"), p -> true), SourceTree.Limits.defaults(), 2);
        assertEquals(List.of(".github/workflows/c.c", "src/e.c"), names(t.files()));
    }

    @Test
    void aNameThatIsNotAWordIsInNoFile() throws IOException {
        write("a.c", "#define $vfork vfork\nint x = $vfork();\n");
        SourceTree t = tree(dir);
        assertEquals(List.of(), names(t.mentioning(List.of("$vfork"))), "'$' splits words, as it always has");
        assertEquals(List.of("a.c"), names(t.mentioning(List.of("$vfork", "vfork"))));
    }
}
