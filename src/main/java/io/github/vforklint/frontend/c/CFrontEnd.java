package io.github.vforklint.frontend.c;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.analysis.SummaryCache;
import io.github.vforklint.compdb.CompilationDatabase;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.frontend.FrontEnd;
import io.github.vforklint.frontend.FrontEndContext;
import io.github.vforklint.frontend.FrontEndResult;
import io.github.vforklint.knowledge.FunctionKind;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.source.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The C front end: parses the files that can involve vfork (they name a vfork function, a
 * vfork-like syscall or clone flag, or a macro expanding to one) with CDT, in parallel, and
 * analyses every function that calls vfork; the helpers their children call are followed into any
 * file of the tree. A function found to return the vfork result (a wrapper) makes its callers'
 * calls vfork sites too: the files that call it are analysed again, until no new wrapper appears.
 */
public final class CFrontEnd implements FrontEnd {

    /** Rounds of wrapper discovery: a wrapper of a wrapper of a wrapper is as deep as real code goes. */
    private static final int MAX_WRAPPER_ROUNDS = 4;

    /** A compilation database or compiler that cannot be used. */
    public static final class SetupException extends Exception {
        public SetupException(String message) {
            super(message);
        }
    }

    private final COptions options;
    private final FunctionKnowledge knowledge;
    private final BuildSettings settings;
    private final Set<String> siteNames;
    private final Set<String> markers;
    private final VforkCandidates.TestedFlag testedFlag;
    /** A file that uses JNI names jni.h. */
    private static final String JNI_WORD = "jni";

    private CFrontEnd(COptions options, FunctionKnowledge knowledge, BuildSettings settings) {
        this.options = options;
        this.knowledge = knowledge;
        this.settings = settings;
        Set<String> sites = new TreeSet<>(knowledge.namesOf(FunctionKind.VFORK));
        sites.addAll(knowledge.vforkCalls().spelledCallees());
        this.siteNames = Set.copyOf(sites);
        // syscall() and clone() are common; a file can only make them vfork-like by naming the
        // vfork system call or the CLONE_VFORK flag, itself or through a macro, and not by only
        // testing the flag.
        Set<String> words = new TreeSet<>(knowledge.namesOf(FunctionKind.VFORK));
        words.addAll(knowledge.vforkCalls().textMarkers());
        this.markers = Set.copyOf(words);
        String flag = knowledge.vforkCalls().flagSearchedFor();
        Set<String> others = new TreeSet<>(knowledge.vforkCalls().cloneFlags());
        others.remove(flag);
        this.testedFlag = new VforkCandidates.TestedFlag(flag, others, knowledge.vforkCalls().spelledCallees());
    }

    /**
     * Reads the compilation database (given, or found at a root or in its build/) and, with
     * system includes, asks the compiler for its search path and macros.
     */
    public static CFrontEnd prepare(COptions options, FunctionKnowledge knowledge, List<Path> roots) throws SetupException {
        return new CFrontEnd(options, knowledge, new BuildSettings(options, database(options, roots), toolchain(options)));
    }

    @Override
    public String language() {
        return "C";
    }

    @Override
    public boolean reads(Path file) {
        return isC(file);
    }

    /** Whether a file is C by its name ({@code .c}, {@code .h}): what this front end reads. */
    public static boolean isC(Path file) {
        // The whole path's string, which the path keeps, and not its name: this runs several
        // times for every file of the tree, and a suffix without a separator is the name's.
        String path = file.toString();
        return path.endsWith(".c") || path.endsWith(".h");
    }

    @Override
    public Set<String> markers() {
        return markers;
    }

    @Override
    public Set<String> wordsAskedFirst() {
        Set<String> words = new TreeSet<>(markers);
        words.add(JNI_WORD);
        return words;
    }

    @Override
    public FrontEndResult analyse(FrontEndContext context) {
        // Every location the analysis makes shows its file: each file's name is worked out once.
        Map<String, String> shown = new java.util.concurrent.ConcurrentHashMap<>();
        CParser parser = new CParser(file -> shown.computeIfAbsent(file, f -> context.display(Path.of(f))),
                SpelledCalls.of(knowledge.vforkCalls()), context.tree());
        List<SourceFile> cFiles = context.files();
        List<Path> extraHeaders = new ArrayList<>(headersIn(options.includeDirs()));
        settings.database().ifPresent(db -> extraHeaders.addAll(headersIn(db.includeDirs())));
        List<Map<String, String>> defineSets = settings.distinctDefines(cFiles);
        List<Diagnostic> diagnostics = new ArrayList<>();
        // JNI code parses only with jni.h; when the build names none, the running JDK's serve (read, never run).
        Optional<JdkHeaders.Fallback> jdk = JdkHeaders.forScan(context.tree().mentioning(Set.of(JNI_WORD), cFiles), parser.files(),
                settings.configuredIncludeDirs(), Path.of(System.getProperty("java.home")),
                System.getProperty("java.version"));
        jdk.ifPresent(f -> diagnostics.add(new Diagnostic(context.display(f.firstUser()), 0, Diagnostic.Kind.INFO,
                f.note())));
        BuildSettings scanSettings = jdk.map(f -> settings.withLastIncludeDirs(f.dirs())).orElse(settings);

        ProgramIndex program = new ProgramIndex(parser, scanSettings, context.tree());
        SummaryCache summaries = new SummaryCache();
        Map<String, String> wrappers = new LinkedHashMap<>(); // the analysis' wrapper key -> function name
        Map<Path, FileAnalysis.Result> results = new LinkedHashMap<>();
        diagnostics.addAll(missingIncludeDirs());
        // The scan found the files holding the markers already: they are the candidates it hands over.
        VforkCandidates.Found found = VforkCandidates.find(context.tree(), parser.facts(), cFiles, markers,
                context.candidates(), extraHeaders, defineSets, testedFlag, context.jobs());
        List<Path> first = new ArrayList<>(found.files().stream().map(SourceFile::path).toList());
        VforkCandidates.callingWrapperNames(parser.files(), cFiles, found.files()).forEach(f -> first.add(f.path()));
        first.sort(null);
        List<Path> round = first;
        Set<String> vforkMacros = new TreeSet<>();
        for (String name : found.names()) {
            if (knowledge.lookup(name).kind() == FunctionKind.UNKNOWN || siteNames.contains(name)) {
                vforkMacros.add(name);
            }
        }
        // CDT expands macros, so a function is analysed when it calls one of these after expansion.
        Set<String> names = new TreeSet<>(siteNames);
        for (int i = 0; !round.isEmpty(); i++) {
            FileAnalysis.Words words = words(names, vforkMacros, wrappers.values());
            FileAnalysis.Shared shared = new FileAnalysis.Shared(knowledge, program, summaries, options.limits(),
                    Set.copyOf(wrappers.keySet()), words, BodySelection.reaching(words.all()), options.search().maxConfigurations());
            List<FileAnalysis.Result> analysed = analyseAll(round, shared, context);
            Map<String, String> fresh = new LinkedHashMap<>();
            for (int f = 0; f < round.size(); f++) {
                results.put(round.get(f), analysed.get(f));
                fresh.putAll(analysed.get(f).wrappers());
            }
            fresh.keySet().removeAll(wrappers.keySet());
            if (fresh.isEmpty()) {
                break;
            }
            if (i + 1 == MAX_WRAPPER_ROUNDS) {
                diagnostics.add(new Diagnostic(".", 0, Diagnostic.Kind.INCOMPLETE, "wrappers of vfork wrappers nest more than "
                        + MAX_WRAPPER_ROUNDS + " deep; calls to " + String.join(", ", new TreeSet<>(fresh.values()))
                        + "() were not taken as vfork sites"));
                break;
            }
            wrappers.putAll(fresh);
            VforkCandidates.Found callers = VforkCandidates.find(context.tree(), parser.facts(), cFiles, new TreeSet<>(fresh.values()),
                    extraHeaders, defineSets, context.jobs());
            names.addAll(fresh.values());
            round = callers.files().stream().map(SourceFile::path).toList();
        }
        diagnostics.addAll(program.diagnostics());
        program.includeSummary().ifPresent(diagnostics::add);
        List<Observation> observations = new ArrayList<>();
        Map<Observation, String> configurations = new IdentityHashMap<>();
        Set<String> sites = new TreeSet<>();
        for (FileAnalysis.Result r : results.values()) {
            observations.addAll(r.observations());
            configurations.putAll(r.configurations());
            diagnostics.addAll(r.diagnostics());
            sites.addAll(r.vforkSites());
        }
        if (System.getenv("VFORKLINT_SITES") != null) {
            // Lists the sites (path:line:column) on standard error: how site locations are compared
            // between versions and against grep; not a documented interface.
            sites.forEach(s -> System.err.println("site " + s));
        }
        return new FrontEndResult(observations, new ArrayList<>(new LinkedHashSet<>(diagnostics)), results.size(),
                sites.size(), configurations);
    }

    /**
     * The names a file's analysis looks for: calls of {@code sites} are analysed; mentions of vfork,
     * its flags, the macros that expand to them and the wrappers in skipped code call for another
     * configuration; and every call of vfork, of such a macro or of a wrapper must end up a site.
     */
    private FileAnalysis.Words words(Set<String> sites, Set<String> vforkMacros, java.util.Collection<String> wrapperNames) {
        Set<String> mentions = new TreeSet<>(markers);
        mentions.addAll(vforkMacros);
        mentions.addAll(wrapperNames);
        Set<String> calls = new TreeSet<>(knowledge.namesOf(FunctionKind.VFORK));
        calls.addAll(vforkMacros);
        calls.removeAll(knowledge.vforkCalls().textMarkers());
        calls.addAll(wrapperNames);
        Set<String> macros = new TreeSet<>(vforkMacros);
        macros.retainAll(calls);
        // vfork itself read as a plain name is a call of vfork, not a macro the parse missed
        macros.removeAll(siteNames);
        return new FileAnalysis.Words(Set.copyOf(sites), Set.copyOf(mentions), Set.copyOf(calls), Set.copyOf(macros));
    }

    /** A relative -I that does not exist usually means the scan runs from the wrong folder: say so. */
    private List<Diagnostic> missingIncludeDirs() {
        List<Diagnostic> result = new ArrayList<>();
        for (Path dir : options.includeDirs()) {
            if (!Files.isDirectory(dir)) {
                result.add(new Diagnostic(".", 0, Diagnostic.Kind.INCOMPLETE, "-I " + dir + ": no such directory"
                        + (dir.isAbsolute() ? "" : " (relative to " + Path.of("").toAbsolutePath() + ")")
                        + "; headers expected there are not read"));
            }
        }
        return result;
    }

    /**
     * Analyses the files in parallel, each under a time limit: when it runs out, the file's parse
     * is cancelled and its work stops at the next check. Should the file still not let go (CDT
     * deep inside one macro expansion), it is abandoned to its thread, a fresh thread takes its
     * place, and the scan goes on.
     */
    /**
     * The files' positions, the largest file first: started last, a large file would leave the
     * other threads idle while it alone runs. What each file yields does not depend on the order.
     */
    private static List<Integer> largestFirst(List<Path> files, FrontEndContext context) {
        List<Integer> order = new ArrayList<>();
        long[] sizes = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            order.add(i);
            sizes[i] = context.tree().fileNamed(files.get(i).toString()).map(SourceFile::size).orElse(0L);
        }
        order.sort(java.util.Comparator.comparingLong((Integer i) -> -sizes[i]).thenComparing(i -> i));
        return order;
    }

    private List<FileAnalysis.Result> analyseAll(List<Path> files, FileAnalysis.Shared shared, FrontEndContext context) {
        // Even one job runs on the pool: its threads have the deep stacks CDT needs, so results
        // do not depend on --jobs.
        int threads = Math.max(1, Math.min(context.jobs(), files.size()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
            // CDT recurses deeply on long expressions and nested macros.
            Thread t = new Thread(null, r, "vforklint-parse", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vforklint-file-timer");
            t.setDaemon(true);
            return t;
        });
        long limit = options.search().fileTimeLimit().toNanos();
        try {
            List<Future<FileAnalysis.Result>> futures = new ArrayList<>(java.util.Collections.nCopies(files.size(), null));
            List<FileDeadline> deadlines = new ArrayList<>(java.util.Collections.nCopies(files.size(), null));
            List<Integer> order = largestFirst(files, context);
            for (int i : order) {
                Path f = files.get(i);
                FileDeadline deadline = new FileDeadline();
                deadlines.set(i, deadline);
                futures.set(i, pool.submit(() -> {
                    deadline.bind(limit, alarms);
                    try {
                        return analyseFile(f, shared, context, deadline);
                    } finally {
                        deadline.release();
                    }
                }));
            }
            // Awaited in the order submitted, so the file waited for has always started.
            FileAnalysis.Result[] results = new FileAnalysis.Result[files.size()];
            for (int i : order) {
                results[i] = awaitOrAbandon(futures.get(i), deadlines.get(i), pool, files.get(i), context);
            }
            return List.of(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            alarms.shutdownNow();
        }
    }

    /** Time a cancelled file gets to notice before its thread is given up. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private FileAnalysis.Result awaitOrAbandon(Future<FileAnalysis.Result> future, FileDeadline deadline,
                                               ThreadPoolExecutor pool, Path file, FrontEndContext context)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return future.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (deadline.overdueBy(GRACE_NANOS)) {
                    future.cancel(true);
                    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                    pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                    return abandoned(file, context);
                }
            }
        }
    }

    private FileAnalysis.Result abandoned(Path file, FrontEndContext context) {
        return new FileAnalysis.Result(List.of(), Map.of(), List.of(new Diagnostic(context.display(file), 0,
                Diagnostic.Kind.INCOMPLETE, "abandoned after the time one file may take ("
                        + options.search().fileTimeLimit().toSeconds() + " s, --file-timeout): nothing in it is analysed")),
                Set.of(), Map.of());
    }

    /** One file, isolated: whatever goes wrong becomes a diagnostic for this file alone. */
    private FileAnalysis.Result analyseFile(Path file, FileAnalysis.Shared shared, FrontEndContext context,
                                            FileDeadline deadline) {
        String shown = context.display(file);
        boolean explore = options.search().maxConfigurations() > 0
                && (options.search().whenPinned() || !settings.pinsConfiguration(file));
        try {
            return new FileAnalysis(shared, file, explore).run();
        } catch (FileDeadline.Expired e) {
            return abandoned(file, context);
        } catch (org.eclipse.cdt.core.parser.ParseError e) {
            if (deadline.expired()) {
                return abandoned(file, context);
            }
            return failed(shown, e);
        } catch (StackOverflowError e) {
            return new FileAnalysis.Result(List.of(), Map.of(), List.of(new Diagnostic(shown, 0, Diagnostic.Kind.INCOMPLETE,
                    "this file nests code (expressions, macros or declarations) too deeply for vforklint to parse:"
                            + " nothing in it is analysed")), Set.of(), Map.of());
        } catch (Exception e) {
            return failed(shown, e);
        }
    }

    private static FileAnalysis.Result failed(String shown, Throwable e) {
        if (System.getenv("VFORKLINT_DEBUG") != null) {
            e.printStackTrace();
        }
        return new FileAnalysis.Result(List.of(), Map.of(), List.of(new Diagnostic(shown, 0, Diagnostic.Kind.INCOMPLETE,
                "vforklint could not analyse this file (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report it")),
                Set.of(), Map.of());
    }

    private static Optional<CompilationDatabase> database(COptions options, List<Path> roots) throws SetupException {
        Optional<Path> location = options.compileCommands() != null
                ? Optional.of(options.compileCommands())
                : CompilationDatabase.find(roots.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        if (location.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompilationDatabase.load(location.get()));
        } catch (CompilationDatabase.InvalidDatabaseException e) {
            throw new SetupException(e.getMessage());
        }
    }

    private static CompilerProbe.Toolchain toolchain(COptions options) throws SetupException {
        if (!options.systemIncludes()) {
            return null;
        }
        try {
            return CompilerProbe.probe(options.compiler());
        } catch (CompilerProbe.ProbeException e) {
            throw new SetupException("--system-includes: " + e.getMessage());
        }
    }

    /** Folders below an -I folder read for macros: compat/, sys/, linux/... not whole system trees. */
    private static final int HEADER_DEPTH = 4;

    /** Headers read for macros per -I folder, at most. */
    private static final int MAX_HEADERS_PER_DIR = 5_000;

    /**
     * The headers in and below the -I folders: a macro defined in {@code include/compat/spawn.h}
     * makes the files that use it candidates, as one in {@code include/} does.
     */
    private static List<Path> headersIn(List<Path> dirs) {
        List<Path> headers = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir, HEADER_DEPTH)) {
                s.filter(p -> p.toString().endsWith(".h") && Files.isRegularFile(p))
                        .map(p -> p.toAbsolutePath().normalize()).sorted().limit(MAX_HEADERS_PER_DIR).forEach(headers::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // An unreadable include dir only means fewer macros are known; the parse reports missing headers.
            }
        }
        return headers;
    }
}
