package io.github.vforklint.source;

import io.github.vforklint.finding.Diagnostic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.CountedCompleter;

/**
 * Lists the files under a directory with several threads, one directory at a time each, and
 * hands each file to a sink as it is found: on a large tree, listing directories and reading
 * attributes costs a third as much as reading the files, and the two overlap this way. Symbolic
 * links are followed; a directory reached again below itself is a loop, reported and not
 * entered. What is found comes back in path order whatever the threads' timing: each directory
 * orders its own entries, a subdirectory by its name and a slash, so that putting the
 * directories' lists together gives the order of the full paths (sorting 60,000 kernel paths at
 * the end took a tenth of a second on one thread).
 */
final class TreeWalk<R> {

    /**
     * Hidden directories that are walked all the same: build tools and CI services keep their
     * configuration there (.mvn/jvm.config, .github/workflows), never vendored sources.
     */
    private static final Set<String> CONFIGURATION_DIRECTORIES = Set.of(".mvn", ".github", ".circleci", ".gitlab",
            ".buildkite");

    /** Takes each file found, on the thread that found it: several threads at once. */
    interface Sink<R> {
        R file(Path file, long size);
    }

    /** A file found, with what the sink made of it. */
    record Found<R>(Path path, long size, R made) {
    }

    /**
     * The files found, and whether their order is certainly the paths' byte order: a name that is
     * not ASCII orders by its decoded text, which for a name that is not valid UTF-8 may not be
     * its bytes' order.
     */
    record Walked<R>(List<Found<R>> files, boolean inPathOrder) {
    }

    /** Files of one directory handed to the sink by one task, so that a directory of thousands is shared out. */
    private static final int FILES_PER_TASK = 16;

    private final SourceTree.Selection selection;
    private final Sink<R> sink;
    private final Queue<Diagnostic> diagnostics = new ConcurrentLinkedQueue<>();
    private volatile boolean notAscii;

    private TreeWalk(SourceTree.Selection selection, Sink<R> sink) {
        this.selection = selection;
        this.sink = sink;
    }

    /**
     * Hands {@code sink} the files of the directory {@code root} that {@code selection} takes,
     * with {@code jobs} threads, in path order; problems go to {@code diagnostics}.
     */
    static <R> Walked<R> walk(Path root, SourceTree.Selection selection, int jobs, Sink<R> sink,
                                   List<Diagnostic> diagnostics) {
        if (selection.excluded().test(root)) {
            return new Walked<>(List.of(), true);
        }
        TreeWalk<R> walk = new TreeWalk<>(selection, sink);
        ForkJoinPool pool = FilePass.newPool(jobs);
        Listing<R> listing = new Listing<>();
        try {
            pool.invoke(walk.new Directory(null, root, new Ancestor(key(root), null), listing));
        } finally {
            pool.shutdownNow();
        }
        List<Found<R>> found = new ArrayList<>();
        listing.addTo(found);
        diagnostics.addAll(walk.diagnostics);
        return new Walked<>(found, !walk.notAscii);
    }

    private static Object key(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What one directory holds, in path order: for each run of files what was read, and for each
     * subdirectory its own listing. Tasks fill their own slots and never wait for one another, so
     * no thread sits idle in a join while another reads a large subtree (the walk of Linux's
     * drivers/ had one of two threads parked for up to 0.6 s that way).
     */
    private static final class Listing<R> {
        private Object[] parts = new Object[0];

        @SuppressWarnings("unchecked")
        void addTo(List<Found<R>> found) {
            for (Object part : parts) {
                if (part instanceof Listing<?> below) {
                    ((Listing<R>) below).addTo(found);
                } else if (part != null) {
                    found.addAll((List<Found<R>>) part);
                }
            }
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

    /** Attributes through symbolic links; one array for every call rather than one per call. */
    private static final LinkOption[] FOLLOWING_LINKS = {};

    /**
     * An entry of a directory being listed, ordered as the paths it begins: by its name, which
     * starts at {@code nameStart} in the path's string, a directory's with a separator after it.
     */
    private record Entry(Path path, String text, int nameStart, long size, Object fileKey, boolean directory) {
        /** The name's character at {@code i}, a directory's separator after it, then -1. */
        int at(int i) {
            int at = nameStart + i;
            return at < text.length() ? text.charAt(at) : directory && at == text.length() ? '/' : -1;
        }
    }

    /**
     * By name, compared where it stands in each path's string, rather than by a key made for
     * each entry (a tenth of the walk's garbage on the kernel). Characters compare as bytes do
     * while names are ASCII, the only case where the walk vouches for the order.
     */
    private static int byName(Entry a, Entry b) {
        for (int i = 0; ; i++) {
            int x = a.at(i);
            int y = b.at(i);
            if (x != y) {
                return Integer.compare(x, y);
            }
            if (x < 0) {
                return a.path.compareTo(b.path);
            }
        }
    }

    /** Reads a run of one directory's files into its slot of the listing. */
    private final class FileRun extends CountedCompleter<Void> {
        private final List<Entry> files;
        private final Listing<R> listing;
        private final int slot;

        FileRun(CountedCompleter<?> parent, List<Entry> files, Listing<R> listing, int slot) {
            super(parent);
            this.files = files;
            this.listing = listing;
            this.slot = slot;
        }

        @Override
        public void compute() {
            List<Found<R>> read = new ArrayList<>(files.size());
            for (Entry e : files) {
                read.add(new Found<>(e.path(), e.size(), sink.file(e.path(), e.size())));
            }
            listing.parts[slot] = read;
            tryComplete();
        }
    }

    /**
     * Lists one directory, then forks a task for each run of its files and each subdirectory; it
     * completes when they all have ({@link CountedCompleter}), and the caller of the first waits.
     */
    private final class Directory extends CountedCompleter<Void> {
        private final Path dir;
        private final Ancestor ancestors;
        private final Listing<R> listing;

        Directory(CountedCompleter<?> parent, Path dir, Ancestor ancestors, Listing<R> listing) {
            super(parent);
            this.dir = dir;
            this.ancestors = ancestors;
            this.listing = listing;
        }

        @Override
        public void compute() {
            List<Entry> entries = new ArrayList<>();
            try (DirectoryStream<Path> listed = Files.newDirectoryStream(dir)) {
                SecureDirectoryStream<Path> folder = listed instanceof SecureDirectoryStream<Path> secure ? secure : null;
                for (Path entry : listed) {
                    visit(entry, folder, entries);
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                IOException cause = e instanceof IOException io ? io : ((java.nio.file.DirectoryIteratorException) e).getCause();
                diagnostics.add(SourceTree.skipped(dir, "cannot read it: " + SourceTree.reason(cause)));
            }
            entries.sort(TreeWalk::byName);
            // One slot per run of files and per subdirectory, in path order; a subdirectory's slot
            // holds its own listing, a run's what its task read.
            List<Object> slots = new ArrayList<>();
            List<CountedCompleter<?>> tasks = new ArrayList<>();
            List<Entry> files = new ArrayList<>();
            for (Entry e : entries) {
                if (e.directory()) {
                    run(files, slots, tasks);
                    Listing<R> below = new Listing<>();
                    slots.add(below);
                    tasks.add(new Directory(this, e.path(), new Ancestor(e.fileKey(), ancestors), below));
                } else {
                    files.add(e);
                    if (files.size() == FILES_PER_TASK) {
                        run(files, slots, tasks);
                    }
                }
            }
            run(files, slots, tasks);
            listing.parts = slots.toArray();
            setPendingCount(tasks.size());
            for (CountedCompleter<?> task : tasks) {
                task.fork();
            }
            tryComplete();
        }

        /** A run of files read as one task, so that a directory of thousands is shared out. */
        private void run(List<Entry> files, List<Object> slots, List<CountedCompleter<?>> tasks) {
            if (!files.isEmpty()) {
                tasks.add(new FileRun(this, List.copyOf(files), listing, slots.size()));
                slots.add(null);
                files.clear();
            }
        }

        private void visit(Path entry, SecureDirectoryStream<Path> folder, List<Entry> entries) {
            BasicFileAttributes attrs;
            try {
                attrs = attributes(entry, folder);
            } catch (IOException e) {
                broken(entry, e);
                return;
            }
            String text = entry.toString();
            int nameStart = SourceFile.nameStart(text);
            if (attrs.isDirectory()) {
                if (text.startsWith(".", nameStart) && !CONFIGURATION_DIRECTORIES.contains(text.substring(nameStart))
                        || selection.excluded().test(entry)) {
                    return;
                }
                Object key = attrs.fileKey();
                if (ancestors.contains(key)) {
                    diagnostics.add(new Diagnostic(entry.toString(), 0, Diagnostic.Kind.INFO,
                            "symbolic link loop: this directory was already scanned through another path"));
                    return;
                }
                noteIfNotAscii(text, nameStart);
                entries.add(new Entry(entry, text, nameStart, 0, key, true));
                return;
            }
            if (!taken(entry)) {
                return;
            }
            if (attrs.isRegularFile()) {
                noteIfNotAscii(text, nameStart);
                entries.add(new Entry(entry, text, nameStart, attrs.size(), null, false));
            } else {
                diagnostics.add(SourceTree.skipped(entry, "not a regular file (a FIFO, device or socket is never read)"));
            }
        }

        /**
         * The entry's attributes, through links, looked up from its folder (held open while it is
         * listed) where the system allows: the kernel then resolves one name, not every folder of
         * the path (6 % less system time in a pass over the kernel tree). A failure is met again by
         * the whole path, so that it is reported as before, naming the file.
         */
        private static BasicFileAttributes attributes(Path entry, SecureDirectoryStream<Path> folder) throws IOException {
            if (folder != null) {
                try {
                    return folder.getFileAttributeView(entry.getFileName(), BasicFileAttributeView.class, FOLLOWING_LINKS)
                            .readAttributes();
                } catch (IOException e) {
                    // met again below
                }
            }
            return Files.readAttributes(entry, BasicFileAttributes.class, FOLLOWING_LINKS);
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

        private void noteIfNotAscii(String text, int nameStart) {
            for (int i = nameStart; i < text.length() && !notAscii; i++) {
                if (text.charAt(i) >= 0x80) {
                    notAscii = true;
                }
            }
        }

        private boolean taken(Path file) {
            return selection.read().test(file) && !selection.excluded().test(file) && selection.included().test(file);
        }
    }
}
