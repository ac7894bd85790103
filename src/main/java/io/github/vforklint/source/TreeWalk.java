package io.github.vforklint.source;

import io.github.vforklint.finding.Diagnostic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Lists the files under a directory with several threads, one directory at a time each, and
 * hands each file to a sink as it is found: on a large tree, listing directories and reading
 * attributes costs a third as much as reading the files, and the two overlap this way. Symbolic
 * links are followed; a directory reached again below itself is a loop, reported and not
 * entered. What is found does not depend on the threads' timing: the caller sorts files by path
 * and diagnostics by place.
 */
final class TreeWalk {

    /**
     * Hidden directories that are walked all the same: build tools and CI services keep their
     * configuration there (.mvn/jvm.config, .github/workflows), never vendored sources.
     */
    private static final Set<String> CONFIGURATION_DIRECTORIES = Set.of(".mvn", ".github", ".circleci", ".gitlab",
            ".buildkite");

    /** Takes each file found, on the thread that found it: several threads at once. */
    interface Sink {
        void file(Path file, long size);
    }

    /** Files of one directory handed to the sink by one task, so that a directory of thousands is shared out. */
    private static final int FILES_PER_TASK = 16;

    private final SourceTree.Selection selection;
    private final Sink sink;
    private final Queue<Diagnostic> diagnostics = new ConcurrentLinkedQueue<>();

    private TreeWalk(SourceTree.Selection selection, Sink sink) {
        this.selection = selection;
        this.sink = sink;
    }

    /**
     * Hands {@code sink} the files of the directory {@code root} that {@code selection} takes,
     * with {@code jobs} threads; problems go to {@code diagnostics}.
     */
    static void walk(Path root, SourceTree.Selection selection, int jobs, Sink sink, List<Diagnostic> diagnostics) {
        if (selection.excluded().test(root)) {
            return;
        }
        TreeWalk walk = new TreeWalk(selection, sink);
        ForkJoinPool pool = FilePass.newPool(jobs);
        try {
            pool.invoke(walk.new Directory(root, new Ancestor(key(root), null)));
        } finally {
            pool.shutdownNow();
        }
        diagnostics.addAll(walk.diagnostics);
    }

    private static Object key(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** The directories above one being walked, by file key (device and inode), to notice a link back up. */
    private record Ancestor(Object key, Ancestor parent) {
        boolean contains(Object k) {
            for (Ancestor a = this; a != null; a = a.parent) {
                if (a.key != null && a.key.equals(k)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final class Directory extends RecursiveAction {
        private final Path dir;
        private final Ancestor ancestors;

        Directory(Path dir, Ancestor ancestors) {
            this.dir = dir;
            this.ancestors = ancestors;
        }

        @Override
        protected void compute() {
            List<ForkJoinTask<?>> below = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    visit(entry, below, files, sizes);
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                IOException cause = e instanceof IOException io ? io : ((java.nio.file.DirectoryIteratorException) e).getCause();
                diagnostics.add(SourceTree.skipped(dir, "cannot read it: " + SourceTree.reason(cause)));
            }
            for (int from = 0; from < files.size(); from += FILES_PER_TASK) {
                int to = Math.min(files.size(), from + FILES_PER_TASK);
                List<Path> some = files.subList(from, to);
                List<Long> theirSizes = sizes.subList(from, to);
                below.add(ForkJoinTask.adapt(() -> {
                    for (int i = 0; i < some.size(); i++) {
                        sink.file(some.get(i), theirSizes.get(i));
                    }
                }));
            }
            ForkJoinTask.invokeAll(below);
        }

        private void visit(Path entry, List<ForkJoinTask<?>> below, List<Path> files, List<Long> sizes) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class);
            } catch (IOException e) {
                broken(entry, e);
                return;
            }
            if (attrs.isDirectory()) {
                String name = String.valueOf(entry.getFileName());
                if (name.startsWith(".") && !CONFIGURATION_DIRECTORIES.contains(name) || selection.excluded().test(entry)) {
                    return;
                }
                Object key = attrs.fileKey();
                if (ancestors.contains(key)) {
                    diagnostics.add(new Diagnostic(entry.toString(), 0, Diagnostic.Kind.INFO,
                            "symbolic link loop: this directory was already scanned through another path"));
                    return;
                }
                below.add(new Directory(entry, new Ancestor(key, ancestors)));
                return;
            }
            if (!taken(entry)) {
                return;
            }
            if (attrs.isRegularFile()) {
                files.add(entry);
                sizes.add(attrs.size());
            } else {
                diagnostics.add(SourceTree.skipped(entry, "not a regular file (a FIFO, device or socket is never read)"));
            }
        }

        /** An entry whose attributes cannot be read through links: a link to nothing, or unreadable. */
        private void broken(Path entry, IOException e) {
            boolean link = Files.isSymbolicLink(entry);
            if (link && taken(entry)) {
                diagnostics.add(SourceTree.skipped(entry, "a symbolic link to nothing"));
            } else if (!link && (selection.read().test(entry) || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))) {
                diagnostics.add(SourceTree.skipped(entry, "cannot read it: " + SourceTree.reason(e)));
            }
        }

        private boolean taken(Path file) {
            return selection.read().test(file) && !selection.excluded().test(file) && selection.included().test(file);
        }
    }
}
