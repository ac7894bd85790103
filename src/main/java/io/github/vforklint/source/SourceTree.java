package io.github.vforklint.source;

import io.github.vforklint.finding.Diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * The scanned tree, walked once and indexed at the byte level: every file a front end reads, and
 * for each a Bloom filter of the words it holds and of the functions it appears to define. Later
 * questions ("which files mention vfork, CLONE_VFORK or XVFORK?", "which may define
 * bb_perror_msg?", "which header ends in lib/lib.h?") are answered from the index and confirmed
 * against just the files concerned; no file's text is kept. Immutable once built; safe to share.
 */
public final class SourceTree {

    /** Bounds on what is read. */
    public record Limits(long maxFileBytes) {
        /** Larger files are generated data or bundles, never hand-written C: skipped, with a diagnostic. */
        public static Limits defaults() {
            return new Limits(16L << 20);
        }
    }

    /** Which files to take: what some front end reads, minus exclusions, and (when walking) only inclusions. */
    public record Selection(Predicate<Path> read, Predicate<Path> excluded, Predicate<Path> included) {
    }

    /**
     * Hidden directories that are walked all the same: build tools and CI services keep their
     * configuration there (.mvn/jvm.config, .github/workflows), never vendored sources.
     */
    private static final Set<String> CONFIGURATION_DIRECTORIES = Set.of(".mvn", ".github", ".circleci", ".gitlab",
            ".buildkite");

    private final List<SourceFile> files;
    private final WordScanner.Words[] words;
    private final Map<String, List<SourceFile>> byName;
    private final DefinitionMap definitions;
    private final List<Diagnostic> diagnostics;

    private SourceTree(List<SourceFile> files, WordScanner.Words[] words, List<Diagnostic> diagnostics) {
        this.files = List.copyOf(files);
        long[][] defined = new long[words.length][];
        for (int i = 0; i < words.length; i++) {
            defined[i] = words[i].definitions();
            words[i] = new WordScanner.Words(words[i].words(), null);
        }
        this.definitions = new DefinitionMap(defined);
        this.words = words;
        this.diagnostics = List.copyOf(diagnostics);
        Map<String, List<SourceFile>> names = new HashMap<>();
        for (SourceFile f : files) {
            names.computeIfAbsent(String.valueOf(f.path().getFileName()), k -> new ArrayList<>(1)).add(f);
        }
        this.byName = names;
    }

    /**
     * Walks {@code roots} (a file named directly is always taken; hidden directories are skipped;
     * symbolic links are followed, each directory once) and indexes what it finds with
     * {@code jobs} threads.
     *
     * @throws IllegalArgumentException for a root that does not exist
     */
    public static SourceTree build(List<Path> roots, Selection selection, Limits limits, int jobs) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        TreeMap<Path, Long> found = new TreeMap<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new IllegalArgumentException("no such file or directory: " + root);
            }
            if (Files.isDirectory(absolute)) {
                walk(absolute, selection, found, diagnostics);
            } else {
                takeNamedFile(absolute, found, diagnostics);
            }
        }
        List<SourceFile> files = new ArrayList<>(found.size());
        for (Map.Entry<Path, Long> e : found.entrySet()) {
            files.add(new SourceFile(files.size(), e.getKey(), e.getValue()));
        }
        WordScanner.Words[] words = index(files, limits, jobs, diagnostics);
        diagnostics.sort(Diagnostic.ORDER);
        return new SourceTree(files, words, diagnostics);
    }

    private static void takeNamedFile(Path file, TreeMap<Path, Long> found, List<Diagnostic> diagnostics) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.isRegularFile()) {
                found.put(file, attrs.size());
            } else {
                diagnostics.add(skipped(file, "not a regular file (a FIFO, device or socket is never read)"));
            }
        } catch (IOException e) {
            diagnostics.add(skipped(file, "cannot read it: " + reason(e)));
        }
    }

    private static void walk(Path root, Selection selection, TreeMap<Path, Long> found, List<Diagnostic> diagnostics) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = String.valueOf(dir.getFileName());
                    boolean hidden = !dir.equals(root) && name.startsWith(".") && !CONFIGURATION_DIRECTORIES.contains(name);
                    return hidden || selection.excluded().test(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!selection.read().test(file) || selection.excluded().test(file) || !selection.included().test(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        found.put(file, attrs.size());
                    } else if (attrs.isSymbolicLink()) {
                        diagnostics.add(skipped(file, "a symbolic link to nothing"));
                    } else if (!attrs.isDirectory()) {
                        diagnostics.add(skipped(file, "not a regular file (a FIFO, device or socket is never read)"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        diagnostics.add(new Diagnostic(file.toString(), 0, Diagnostic.Kind.INFO,
                                "symbolic link loop: this directory was already scanned through another path"));
                    } else if (selection.read().test(file) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                            || Files.isSymbolicLink(file)) {
                        diagnostics.add(skipped(file, "cannot read it: " + reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diagnostics.add(skipped(root, "cannot read it: " + reason(e)));
        }
    }

    private static WordScanner.Words[] index(List<SourceFile> files, Limits limits, int jobs, List<Diagnostic> diagnostics) {
        WordScanner.Words[] words = new WordScanner.Words[files.size()];
        String[] problems = new String[files.size()];
        int threads = Math.max(1, Math.min(jobs, files.size() / 64 + 1));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vforklint-index");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int part = 0; part < threads; part++) {
                int first = part;
                parts.add(pool.submit(() -> {
                    WordScanner scanner = new WordScanner();
                    FileBuffer buffer = new FileBuffer();
                    for (int i = first; i < files.size(); i += threads) {
                        SourceFile f = files.get(i);
                        try {
                            int length = buffer.read(f.path(), limits.maxFileBytes());
                            words[i] = length < 0 ? WordScanner.EMPTY : scanner.scan(buffer.bytes(), length);
                            if (length < 0) {
                                problems[i] = "larger than " + (limits.maxFileBytes() >> 20) + " MiB; skipped";
                            }
                        } catch (IOException e) {
                            words[i] = WordScanner.EMPTY;
                            problems[i] = "cannot read it: " + reason(e);
                        }
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("indexing interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < problems.length; i++) {
            if (problems[i] != null) {
                diagnostics.add(skipped(files.get(i).path(), problems[i]));
            }
        }
        return words;
    }

    private static Diagnostic skipped(Path file, String why) {
        return new Diagnostic(file.toString(), 0, Diagnostic.Kind.INCOMPLETE, "not scanned: " + why);
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return message == null ? kind : kind + " (" + message + ")";
    }

    /** Every file, sorted by path (byte order): ids are positions in this list. */
    public List<SourceFile> files() {
        return files;
    }

    /** Files that could not be read, were too large or were not regular files; links that looped. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The files among {@code among} that hold any of {@code words} as a whole word, confirmed against their bytes. */
    public List<SourceFile> mentioning(Collection<String> words, Collection<SourceFile> among) {
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.stream().anyMatch(w -> !WordBloom.indexed(w))) {
            return new WordMatcher(words).filesAmong(among);
        }
        long[] hashes = words.stream().mapToLong(WordBloom::hash).toArray();
        WordMatcher matcher = new WordMatcher(words);
        List<SourceFile> result = new ArrayList<>();
        FileBuffer buffer = new FileBuffer();
        for (SourceFile f : among) {
            if (mayMention(this.words[f.id()].words(), hashes) && matcher.matchesIn(f, buffer)) {
                result.add(f);
            }
        }
        return result;
    }

    /** {@link #mentioning(Collection, Collection)} over the whole tree. */
    public List<SourceFile> mentioning(Collection<String> words) {
        return mentioning(words, files);
    }

    /**
     * Files that appear to define a function of this name (a line that starts with a declaration
     * whose parameter list is followed by a body). A few may not define it after all.
     */
    public List<SourceFile> mayDefine(String function) {
        List<SourceFile> result = new ArrayList<>();
        for (int id : definitions.filesDefining(WordBloom.hash(function))) {
            result.add(files.get(id));
        }
        return result;
    }

    /**
     * Files whose path ends with {@code relative} ({@code lib/lib.h} matches {@code src/lib/lib.h},
     * not {@code src/xlib/lib.h}), for includes the include path does not resolve.
     */
    public List<SourceFile> endingWith(String relative) {
        Path suffix;
        try {
            suffix = Path.of(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return List.of();
        }
        if (suffix.getFileName() == null || suffix.isAbsolute()) {
            return List.of();
        }
        List<SourceFile> result = new ArrayList<>();
        for (SourceFile f : byName.getOrDefault(suffix.getFileName().toString(), List.of())) {
            if (f.path().endsWith(suffix)) {
                result.add(f);
            }
        }
        return result;
    }

    /** The file with this absolute path, if the tree has it. */
    public java.util.Optional<SourceFile> file(Path absolute) {
        for (SourceFile f : byName.getOrDefault(String.valueOf(absolute.getFileName()), List.of())) {
            if (f.path().equals(absolute)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean mayMention(WordBloom bloom, long[] hashes) {
        for (long h : hashes) {
            if (bloom.mayContain(h)) {
                return true;
            }
        }
        return false;
    }

    /** Confirms a Bloom filter's "maybe" against the file's bytes. */
    private static final class WordMatcher {
        private final Set<String> words;
        private final int longest;

        WordMatcher(Collection<String> words) {
            this.words = new HashSet<>(words);
            this.longest = words.stream().mapToInt(String::length).max().orElse(0);
        }

        /** Every file that holds a word, by reading them all: for words the filters do not index. */
        List<SourceFile> filesAmong(Collection<SourceFile> among) {
            FileBuffer buffer = new FileBuffer();
            return among.stream().filter(f -> matchesIn(f, buffer)).toList();
        }

        boolean matchesIn(SourceFile f, FileBuffer buffer) {
            int length;
            try {
                length = buffer.read(f.path(), Long.MAX_VALUE);
            } catch (IOException e) {
                return false;
            }
            byte[] text = buffer.bytes();
            int i = 0;
            while (i < length) {
                if (!WordScanner.isWordByte(text[i])) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < length && WordScanner.isWordByte(text[i])) {
                    i++;
                }
                if (i - start <= longest && words.contains(new String(text, start, i - start,
                        java.nio.charset.StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A reusable read buffer: the index reads tens of thousands of files, most of them small. */
    static final class FileBuffer {
        private byte[] bytes = new byte[1 << 16];

        byte[] bytes() {
            return bytes;
        }

        /**
         * Reads the whole file; -1 when it is larger than {@code limit}. A UTF-16 file comes back
         * as UTF-8, so that its words are bytes like every other file's.
         */
        int read(Path file, long limit) throws IOException {
            int n = readRaw(file, limit);
            byte[] transcoded = n < 0 ? null : SourceText.utf16AsUtf8(bytes, n);
            if (transcoded == null) {
                return n;
            }
            if (transcoded.length > bytes.length) {
                bytes = new byte[transcoded.length];
            }
            System.arraycopy(transcoded, 0, bytes, 0, transcoded.length);
            return transcoded.length;
        }

        private int readRaw(Path file, long limit) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                int n = 0;
                while (true) {
                    if (n == bytes.length) {
                        if (n >= limit) {
                            return -1;
                        }
                        long grown = Math.min(2L * n, limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit + 1);
                        bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, grown));
                    }
                    int r = in.read(bytes, n, bytes.length - n);
                    if (r < 0) {
                        return n > limit ? -1 : n;
                    }
                    n += r;
                    if (n > limit) {
                        return -1;
                    }
                }
            }
        }
    }
}
