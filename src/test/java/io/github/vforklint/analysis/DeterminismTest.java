package io.github.vforklint.analysis;

import io.github.vforklint.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same findings, in the same order, byte for byte, for any number of jobs and any order in
 * which the files were written to disk or named on the command line: the fixtures and the
 * multi-file projects (helpers in other files, recursive helpers, wrappers) scanned as one tree,
 * with the JVM fixtures beside them (the two front ends run side by side with more than one job).
 */
class DeterminismTest {

    private static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void jsonIsIdenticalForAnyJobsAndAnyFileOrder() throws IOException {
        List<Path> sources = sources();
        Path sorted = copy(sources, dir.resolve("a"), new ArrayList<>(sources));
        List<Path> shuffledOrder = new ArrayList<>(sources);
        Collections.shuffle(shuffledOrder, new Random(20261130));
        Path shuffled = copy(sources, dir.resolve("b"), shuffledOrder);

        String reference = scan(sorted, "1", List.of(sorted.toString()));
        assertTrue(reference.contains("\"findings\""), reference);
        assertTrue(reference.split("\"rule\"").length > 100, "the tree must hold many findings to compare");
        assertTrue(reference.contains("\"VFK301\"") && reference.contains("\"VFK101\""), "findings of both front ends");
        for (String jobs : List.of("2", "8")) {
            assertEquals(reference, scan(sorted, jobs, List.of(sorted.toString())), "-j " + jobs);
        }
        assertEquals(reference, scan(shuffled, "8", List.of(shuffled.toString())), "files written in another order");
        List<String> named = new ArrayList<>();
        try (Stream<Path> files = Files.walk(shuffled)) {
            // What a walk would read: a file named on the command line is always read, so the
            // fixtures' notes (README.md, EXPECTATIONS) are not named.
            files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("README\\.md|EXPECTATIONS"))
                    .forEach(p -> named.add(p.toString()));
        }
        Collections.shuffle(named, new Random(7));
        assertEquals(reference, scan(shuffled, "2", named), "files named in another order");
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String tree : List.of("testdata/c", "testdata/projects")) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(tree))) {
                s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).sorted().forEach(files::add);
            }
        }
        try (Stream<Path> s = Files.walk(ROOT.resolve("testdata/java"))) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }

    /** Writes the files in {@code order}, so directory entries are created in that order too. */
    private static Path copy(List<Path> sources, Path target, List<Path> order) throws IOException {
        for (Path source : order) {
            Path to = target.resolve(ROOT.relativize(source).toString());
            Files.createDirectories(to.getParent());
            Files.copy(source, to);
        }
        return target;
    }

    /** The JSON report with the tree's own location taken out. */
    private static String scan(Path tree, String jobs, List<String> paths) {
        List<String> args = new ArrayList<>(List.of("check", "--no-config", "-f", "json", "-j", jobs,
                "-I", tree.resolve("testdata/c/include").toString()));
        args.addAll(paths);
        return CliTest.run(args).out().replace(tree.toString(), "TREE");
    }
}
