package io.github.vforklint.frontend.c;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.analysis.SummaryCache;
import io.github.vforklint.analysis.VforkAnalysis;
import io.github.vforklint.compdb.CompilationDatabase;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Location;
import io.github.vforklint.frontend.FrontEnd;
import io.github.vforklint.frontend.FrontEndContext;
import io.github.vforklint.frontend.FrontEndResult;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.knowledge.FunctionKind;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
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

    private CFrontEnd(COptions options, FunctionKnowledge knowledge, BuildSettings settings) {
        this.options = options;
        this.knowledge = knowledge;
        this.settings = settings;
        Set<String> sites = new TreeSet<>(knowledge.namesOf(FunctionKind.VFORK));
        sites.addAll(knowledge.vforkCalls().spelledCallees());
        this.siteNames = Set.copyOf(sites);
        // syscall() and clone() are common; a file can only make them vfork-like by naming the
        // vfork system call or the CLONE_VFORK flag, itself or through a macro.
        Set<String> words = new TreeSet<>(knowledge.namesOf(FunctionKind.VFORK));
        words.addAll(knowledge.vforkCalls().textMarkers());
        this.markers = Set.copyOf(words);
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
        String name = String.valueOf(file.getFileName());
        return name.endsWith(".c") || name.endsWith(".h");
    }

    @Override
    public Set<String> markers() {
        return markers;
    }

    /** What one file contributed. */
    private record FileResult(List<Observation> observations, List<Diagnostic> diagnostics, Set<String> vforkSites,
                              Map<String, String> wrappers) {
    }

    /** Everything the analysis of one file needs that is shared by the whole scan. */
    private record ScanState(ProgramIndex program, SummaryCache summaries, Set<String> wrappers,
                             FrontEndContext context) {
    }

    @Override
    public FrontEndResult analyse(FrontEndContext context) {
        CParser parser = new CParser(file -> context.display(Path.of(file)), knowledge.vforkCalls().spelledCallees(),
                new SourceFiles(context.tree()));
        List<SourceFile> cFiles = context.tree().files().stream().filter(f -> isC(f.path())).toList();
        List<Path> extraHeaders = new ArrayList<>(headersIn(options.includeDirs()));
        settings.database().ifPresent(db -> extraHeaders.addAll(headersIn(db.includeDirs())));
        List<Map<String, String>> defineSets = cFiles.stream().map(f -> settings.definesFor(f.path())).distinct().toList();
        List<Diagnostic> diagnostics = new ArrayList<>();
        // JNI code parses only with jni.h; when the build names none, the running JDK's serve (read, never run).
        Optional<JdkHeaders.Fallback> jdk = JdkHeaders.forScan(context.tree().mentioning(Set.of("jni"), cFiles),
                settings.configuredIncludeDirs(), Path.of(System.getProperty("java.home")),
                System.getProperty("java.version"));
        jdk.ifPresent(f -> diagnostics.add(new Diagnostic(context.display(f.firstUser()), 0, Diagnostic.Kind.INFO,
                f.note())));
        BuildSettings scanSettings = jdk.map(f -> settings.withLastIncludeDirs(f.dirs())).orElse(settings);

        ProgramIndex program = new ProgramIndex(parser, scanSettings, context.tree());
        SummaryCache summaries = new SummaryCache();
        Map<String, String> wrappers = new LinkedHashMap<>(); // the analysis' wrapper key -> function name
        Map<Path, FileResult> results = new LinkedHashMap<>();
        VforkCandidates.Found found = VforkCandidates.find(context.tree(), cFiles, markers, extraHeaders, defineSets);
        List<Path> round = found.files().stream().map(SourceFile::path).toList();
        // CDT expands macros, so a function is analysed when it calls one of these after expansion.
        Set<String> names = new TreeSet<>(siteNames);
        for (int i = 0; !round.isEmpty(); i++) {
            ScanState state = new ScanState(program, summaries, Set.copyOf(wrappers.keySet()), context);
            List<FileResult> analysed = analyseAll(round, state, Set.copyOf(names), context.jobs());
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
            VforkCandidates.Found callers = VforkCandidates.find(context.tree(), cFiles, new TreeSet<>(fresh.values()),
                    extraHeaders, defineSets);
            names.addAll(fresh.values());
            round = callers.files().stream().map(SourceFile::path).toList();
        }
        diagnostics.addAll(program.diagnostics());
        List<Observation> observations = new ArrayList<>();
        Set<String> sites = new TreeSet<>();
        for (FileResult r : results.values()) {
            observations.addAll(r.observations());
            diagnostics.addAll(r.diagnostics());
            sites.addAll(r.vforkSites());
        }
        return new FrontEndResult(observations, new ArrayList<>(new LinkedHashSet<>(diagnostics)), results.size(),
                sites.size());
    }

    private List<FileResult> analyseAll(List<Path> files, ScanState state, Set<String> siteNames, int jobs) {
        // Even one job runs on the pool: its threads have the deep stacks CDT needs, so results
        // do not depend on --jobs.
        int threads = Math.max(1, Math.min(jobs, files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            // CDT recurses deeply on long expressions and nested macros.
            Thread t = new Thread(null, r, "vforklint-parse", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> analyseFile(f, state, siteNames)));
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<FileResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One file, isolated: whatever goes wrong becomes a diagnostic for this file alone. */
    private FileResult analyseFile(Path file, ScanState state, Set<String> siteNames) {
        String shown = state.context().display(file);
        try {
            CUnit unit = state.program().unit(file);
            List<Diagnostic> diagnostics = new ArrayList<>(unit.diagnostics());
            diagnostics.addAll(unit.vforkRedefinitions(knowledge.namesOf(FunctionKind.VFORK)));
            VforkAnalysis analysis = new VforkAnalysis(knowledge, state.program(), options.limits(), state.wrappers(),
                    state.summaries());
            List<Observation> observations = new ArrayList<>();
            Set<String> sites = new TreeSet<>();
            Map<String, String> wrappers = new LinkedHashMap<>();
            for (String name : unit.functionsCalling(siteNames)) {
                FunctionBody body = unit.function(name).orElseThrow();
                VforkAnalysis.Result result = analysis.analyse(body);
                observations.addAll(result.observations());
                result.vforkSites().forEach(l -> sites.add(l.toString()));
                if (result.wrapperKey() != null) {
                    wrappers.put(result.wrapperKey(), name);
                }
                for (String note : result.incomplete()) {
                    Location at = body.location();
                    diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INCOMPLETE, note));
                }
            }
            return new FileResult(observations, diagnostics, sites, wrappers);
        } catch (Exception | StackOverflowError e) {
            if (System.getenv("VFORKLINT_DEBUG") != null) {
                e.printStackTrace();
            }
            return new FileResult(List.of(), List.of(new Diagnostic(shown, 0, Diagnostic.Kind.INCOMPLETE,
                    "vforklint could not analyse this file (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report it")),
                    Set.of(), Map.of());
        }
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

    private static List<Path> headersIn(List<Path> dirs) {
        List<Path> headers = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".h") && Files.isRegularFile(p))
                        .map(p -> p.toAbsolutePath().normalize()).sorted().forEach(headers::add);
            } catch (IOException e) {
                // An unreadable include dir only means fewer macros are known; the parse reports missing headers.
            }
        }
        return headers;
    }
}
