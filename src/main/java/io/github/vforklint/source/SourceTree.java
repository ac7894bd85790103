package io.github.vforklint.source;

import io.github.vforklint.finding.Diagnostic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The scanned tree, walked once and read once at the byte level: every file a front end reads,
 * and for each, which of the words the front ends asked for in advance it holds. Questions about
 * those words ("which files mention vfork or CLONE_VFORK?") are answered from what that pass kept,
 * and "which header ends in lib/lib.h?" from the paths. A question about any other word (a wrapper
 * found later, XVFORK) reads the files concerned again, in parallel, at the speed of reading them.
 * The first question about a definition ("which may define bb_perror_msg?") reads the tree once
 * more for the lines that begin function definitions. No file's text is kept. Immutable once
 * built (the definitions are found once, under a lock); safe to share.
 */
public final class SourceTree {

    /** Bounds on what is read. */
    public record Limits(long maxFileBytes) {
        /** The limit as a diagnostic says it: in MiB, or in bytes below one. */
        String shown() {
            return maxFileBytes >= 1 << 20 ? (maxFileBytes >> 20) + " MiB" : maxFileBytes + " bytes";
        }

        /** Larger files are generated data or bundles, never hand-written C: skipped, with a diagnostic. */
        public static Limits defaults() {
            return new Limits(16L << 20);
        }
    }

    /** Which files to take: what some front end reads, minus exclusions, and (when walking) only inclusions. */
    public record Selection(Predicate<Path> read, Predicate<Path> excluded, Predicate<Path> included) {
    }

    private final List<SourceFile> files;
    /** The search each file was read with (by id): the words asked for by the front ends that read it. */
    private final WordSearch[] searchedWith;
    private final Map<WordSearch.Word, Integer> indexedBits;
    /** For each file id, the indexed words it holds (a bit set over their indexes); null for a file not read. */
    private final long[][] found;
    private final Map<String, List<SourceFile>> byName;
    /**
     * Which files appear to define each function, found at the first question about one. Looking
     * for the lines that begin definitions while the tree is read for its words halved the speed
     * of that pass (0.95 against 1.95 GB/s on the kernel's files, one thread), and most scans never
     * ask: the kernel's vfork children call no function of the kernel's, and a tree with no vfork
     * has no child. A scan that asks (busybox: 722 questions) reads its files a second time.
     */
    private DefinitionMap definitions;
    private final List<Diagnostic> diagnostics;
    private final Limits limits;
    private final int jobs;

    private SourceTree(List<SourceFile> files, List<WordSearch.Word> asked, WordSearch[] searchedWith, long[][] found,
                       List<Diagnostic> diagnostics, Limits limits, int jobs) {
        this.files = List.copyOf(files);
        this.searchedWith = searchedWith;
        Map<WordSearch.Word, Integer> bits = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            bits.put(asked.get(i), i);
        }
        this.indexedBits = bits;
        this.found = found;
        this.diagnostics = List.copyOf(diagnostics);
        this.limits = limits;
        this.jobs = jobs;
        Map<String, List<SourceFile>> names = new HashMap<>();
        for (SourceFile f : files) {
            names.computeIfAbsent(SourceFile.nameOf(f.path()), k -> new ArrayList<>(1)).add(f);
        }
        this.byName = names;
    }

    /**
     * Words the tree will be asked about, found while every file is read anyway.
     *
     * @param in      the files to look for them in (the files of the front end that will ask)
     * @param anyCase whether they count in any mix of upper and lower case
     */
    public record Asked(Predicate<Path> in, Collection<String> words, boolean anyCase) {
        public Asked {
            words = Set.copyOf(words);
        }

        List<WordSearch.Word> toWords() {
            return wordsOf(words, anyCase);
        }
    }

    /** {@link #build(List, Selection, Limits, int, List)} with no word asked for in advance. */
    public static SourceTree build(List<Path> roots, Selection selection, Limits limits, int jobs) {
        return build(roots, selection, limits, jobs, List.of());
    }

    /**
     * Walks {@code roots} (a file named directly is always taken; hidden directories are skipped;
     * symbolic links are followed, each directory once) and reads what it finds with {@code jobs}
     * threads, noting which files hold the words {@code asked} for.
     *
     * @throws IllegalArgumentException for a root that does not exist
     */
    public static SourceTree build(List<Path> roots, Selection selection, Limits limits, int jobs, List<Asked> asked) {
        if (asked.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " sets of words can be asked for in advance");
        }
        Set<WordSearch.Word> union = new java.util.LinkedHashSet<>();
        for (Asked a : asked) {
            union.addAll(a.toWords());
        }
        List<WordSearch.Word> askedWords = List.copyOf(union);
        Searches searches = new Searches(asked, askedWords);
        List<Diagnostic> diagnostics = new ArrayList<>();
        TreeWalk.Sink<Read> read = (file, size) -> {
            WordSearch search = searches.of(file);
            return new Read(search, FilePass.scan(file, search, false, limits));
        };
        List<TreeWalk.Found<Read>> found = new ArrayList<>();
        boolean ordered = roots.size() == 1;
        Map<Path, Long> named = new java.util.LinkedHashMap<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new IllegalArgumentException("no such file or directory: " + root);
            }
            if (Files.isDirectory(absolute)) {
                TreeWalk.Walked<Read> walked = TreeWalk.walk(absolute, selection, jobs, read, diagnostics);
                found.addAll(walked.files());
                ordered &= walked.inPathOrder();
            } else {
                takeNamedFile(absolute, named, diagnostics);
            }
        }
        if (!named.isEmpty()) {
            // A pre-commit hook names every changed file: they are read in parallel too.
            List<Map.Entry<Path, Long>> entries = List.copyOf(named.entrySet());
            List<TreeWalk.Found<Read>> readNamed = FilePass.onReaders(Math.min(jobs, entries.size()),
                    () -> entries.parallelStream().map(e -> new TreeWalk.Found<>(e.getKey(), e.getValue(),
                            read.file(e.getKey(), e.getValue()))).toList());
            found.addAll(readNamed);
        }
        if (!ordered) {
            found = inPathOrder(found);
        }
        List<SourceFile> files = new ArrayList<>(found.size());
        WordSearch[] searchedWith = new WordSearch[found.size()];
        long[][] holds = new long[found.size()][];
        for (TreeWalk.Found<Read> f : found) {
            int id = files.size();
            files.add(new SourceFile(id, f.path(), f.size()));
            FilePass.Scanned s = f.made().scanned();
            searchedWith[id] = f.made().search();
            holds[id] = s.found();
            if (s.problem() != null) {
                diagnostics.add(skipped(f.path(), s.problem()));
            }
        }
        diagnostics.sort(Diagnostic.ORDER);
        return new SourceTree(files, askedWords, searchedWith, holds, diagnostics, limits, jobs);
    }

    /**
     * The files in path order, each once: one walk gives them so, but several roots (or a file
     * named beside its folder) may overlap or come in any order, and a name that is not valid
     * UTF-8 orders by its raw bytes. Checking costs a tenth of a second on the kernel's paths, so
     * it is done only then.
     */
    private static List<TreeWalk.Found<Read>> inPathOrder(List<TreeWalk.Found<Read>> found) {
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i - 1).path().compareTo(found.get(i).path()) >= 0) {
                java.util.TreeMap<Path, TreeWalk.Found<Read>> sorted = new java.util.TreeMap<>();
                found.forEach(f -> sorted.putIfAbsent(f.path(), f));
                return new ArrayList<>(sorted.values());
            }
        }
        return found;
    }

    /** What the pass made of one file, and the search it was read with. */
    private record Read(WordSearch search, FilePass.Scanned scanned) {
    }

    /** For each file, a search for the words asked for in it: one search for each mix of askers, shared. */
    private static final class Searches {
        private final List<Asked> asked;
        private final List<WordSearch.Word> words;
        private final Map<Long, WordSearch> byAskers = new ConcurrentHashMap<>();

        Searches(List<Asked> asked, List<WordSearch.Word> words) {
            this.asked = asked;
            this.words = words;
        }

        WordSearch of(Path file) {
            long askers = 0;
            for (int a = 0; a < asked.size(); a++) {
                if (asked.get(a).in().test(file)) {
                    askers |= 1L << a;
                }
            }
            return byAskers.computeIfAbsent(askers, this::searchFor);
        }

        private WordSearch searchFor(long askers) {
            Set<WordSearch.Word> mine = new HashSet<>();
            for (int a = 0; a < asked.size(); a++) {
                if ((askers & (1L << a)) != 0) {
                    Asked one = asked.get(a);
                    mine.addAll(asked.get(a).toWords());
                }
            }
            return new WordSearch(words, mine::contains);
        }
    }

    /**
     * The words to search for. A name that is not made of word bytes ({@code $vfork}, which GCC
     * accepts in C) is never a whole word to a byte-level split, so no file holds it: it is left
     * out rather than searched for.
     */
    private static List<WordSearch.Word> wordsOf(Collection<String> words, boolean anyCase) {
        return new TreeSet<>(words).stream().filter(WordSearch::isWord).map(w -> new WordSearch.Word(w, anyCase)).toList();
    }
    private static void takeNamedFile(Path file, Map<Path, Long> named, List<Diagnostic> diagnostics) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.isRegularFile()) {
                named.put(file, attrs.size());
            } else {
                diagnostics.add(skipped(file, "not a regular file (a FIFO, device or socket is never read)"));
            }
        } catch (IOException e) {
            diagnostics.add(skipped(file, "cannot read it: " + reason(e)));
        }
    }

    static Diagnostic skipped(Path file, String why) {
        return new Diagnostic(file.toString(), 0, Diagnostic.Kind.INCOMPLETE, "not scanned: " + why);
    }

    static String reason(IOException e) {
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

    /** The files among {@code among} that hold any of {@code words} as a whole word, spelled as given. */
    public List<SourceFile> mentioning(Collection<String> words, Collection<SourceFile> among) {
        return holding(wordsOf(words, false), among);
    }

    /** {@link #mentioning(Collection, Collection)} over the whole tree. */
    public List<SourceFile> mentioning(Collection<String> words) {
        return mentioning(words, files);
    }

    /** The files among {@code among} that hold any of {@code words} as a whole word, in any case. */
    public List<SourceFile> mentioningInAnyCase(Collection<String> words, Collection<SourceFile> among) {
        return holding(wordsOf(words, true), among);
    }

    private List<SourceFile> holding(List<WordSearch.Word> words, Collection<SourceFile> among) {
        if (words.isEmpty()) {
            return List.of();
        }
        long[] mask = new long[(indexedBits.size() + 63) >>> 6];
        boolean allIndexed = true;
        for (WordSearch.Word w : words) {
            Integer bit = indexedBits.get(w);
            if (bit == null) {
                allIndexed = false;
            } else {
                mask[bit >>> 6] |= 1L << bit;
            }
        }
        // By file id, not in a set of files, and as few calls per file as can be: asked once or
        // twice a scan about every file of a kernel-size tree, this loop runs before the compiler
        // has got to it. Files read with the same search (most are) share the last answer.
        boolean[] holding = new boolean[files.size()];
        WordSearch lastSearch = null;
        boolean lastSearched = false;
        List<SourceFile> unanswered = new ArrayList<>();
        for (SourceFile f : among) {
            int id = f.id();
            long[] holds = found[id];
            if (holds == null) {
                // Not read (too large, unreadable): a diagnostic says so, and a later question
                // does not read it after all.
                continue;
            }
            WordSearch search = searchedWith[id];
            if (search != lastSearch) {
                lastSearch = search;
                lastSearched = search.searchesFor(mask);
            }
            boolean searched = lastSearched;
            if (searched && intersects(holds, mask)) {
                holding[id] = true;
            } else if (!searched || !allIndexed) {
                unanswered.add(f);
            }
        }
        if (!unanswered.isEmpty()) {
            // Words not asked for in advance: these files are read again, which costs no more
            // than the first pass did for them.
            unanswered.sort(java.util.Comparator.comparingInt(SourceFile::id));
            long[][] hits = FilePass.searchAgain(unanswered, new WordSearch(words), limits, jobs);
            for (int i = 0; i < unanswered.size(); i++) {
                if (hits[i] != null && anySet(hits[i])) {
                    holding[unanswered.get(i).id()] = true;
                }
            }
        }
        List<SourceFile> result = new ArrayList<>();
        for (SourceFile f : among) {
            if (holding[f.id()]) {
                result.add(f);
            }
        }
        return java.util.Collections.unmodifiableList(result);
    }

    private static boolean anySet(long[] bits) {
        for (long b : bits) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean intersects(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & b[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    private synchronized DefinitionMap definitions() {
        if (definitions == null) {
            // the files the first pass read: one it could not read defines nothing, as before
            List<SourceFile> read = files.stream().filter(f -> found[f.id()] != null).toList();
            long[][] defined = FilePass.definitionsIn(read, limits, jobs);
            long[][] byId = new long[files.size()][];
            java.util.Arrays.fill(byId, new long[0]);
            for (int i = 0; i < read.size(); i++) {
                byId[read.get(i).id()] = defined[i];
            }
            definitions = new DefinitionMap(byId);
        }
        return definitions;
    }

    /**
     * Files that appear to define a function of this name (a line that starts with a declaration
     * whose parameter list is followed by a body). A few may not define it after all.
     */
    public List<SourceFile> mayDefine(String function) {
        List<SourceFile> result = new ArrayList<>();
        for (int id : definitions().filesDefining(DefinitionLines.hash(function))) {
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

    /**
     * The file of the tree that a parser names by this string (its path's own string), if any:
     * a name that is not valid UTF-8 has no faithful string, so the tree's path is the one to open.
     */
    public java.util.Optional<SourceFile> fileNamed(String absolutePath) {
        for (SourceFile f : byName.getOrDefault(SourceFile.nameOf(absolutePath), List.of())) {
            if (f.path().toString().equals(absolutePath)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }

    /** The file with this absolute path, if the tree has it. */
    public java.util.Optional<SourceFile> file(Path absolute) {
        for (SourceFile f : byName.getOrDefault(SourceFile.nameOf(absolute), List.of())) {
            if (f.path().equals(absolute)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
