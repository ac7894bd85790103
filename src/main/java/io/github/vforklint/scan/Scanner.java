package io.github.vforklint.scan;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.analysis.SummaryCache;
import io.github.vforklint.analysis.VforkAnalysis;
import io.github.vforklint.compdb.CompilationDatabase;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.frontend.c.CFrontEnd;
import io.github.vforklint.frontend.c.CUnit;
import io.github.vforklint.frontend.c.CompilerProbe;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.finding.Location;
import io.github.vforklint.knowledge.FunctionKind;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleEngine;
import io.github.vforklint.rules.RuleSelection;

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
 * Scans files and directories for vfork misuse. A text pass picks the files that can involve
 * vfork; those are parsed in parallel, and the helpers their children call are followed into any
 * file of the tree. A function found to return the vfork result (a wrapper) makes its callers'
 * calls vfork sites too: the files that call it are analysed again, until no new wrapper appears.
 */
public final class Scanner {

    /** Rounds of wrapper discovery: a wrapper of a wrapper of a wrapper is as deep as real code goes. */
    private static final int MAX_WRAPPER_ROUNDS = 4;

    /** A configuration problem found while preparing the scan (bad compilation database, compiler). */
    public static final class ScanException extends Exception {
        public ScanException(String message) {
            super(message);
        }
    }

    private final ScanOptions options;
    private final FunctionKnowledge knowledge;
    private final RuleCatalogue catalogue;
    private final RuleSelection selection;

    /** @throws IllegalArgumentException for options that name unknown rules */
    public Scanner(ScanOptions options, FunctionKnowledge knowledge, RuleCatalogue catalogue) {
        this.options = options;
        this.knowledge = knowledge;
        this.catalogue = catalogue;
        this.selection = RuleSelection.of(catalogue, options.profile(), options.select(), options.ignore());
    }

    /** What one file contributed. */
    /** @param wrappers the wrappers this file defines: their names, and the analysis' keys for them */
    private record FileResult(List<VforkObservation> observations, List<Diagnostic> diagnostics, Set<String> vforkSites,
                              Map<String, String> wrappers) {
    }

    /** Everything the analysis of one file needs that is shared by the whole scan. */
    private record ScanState(CFrontEnd frontEnd, BuildSettings settings, ProgramIndex program, SummaryCache summaries,
                             Set<String> wrappers) {
    }

    /**
     * @throws IllegalArgumentException for a path that does not exist
     * @throws ScanException            for a compilation database or compiler that cannot be used
     */
    public ScanResult scan(List<Path> roots) throws ScanException {
        Path base = options.baseDir().toAbsolutePath().normalize();
        List<Path> files = SourceDiscovery.excludingGlobs(base, options.excludes()).find(roots);
        CFrontEnd frontEnd = new CFrontEnd(file -> display(base, file), knowledge.vforkCalls().spelledCallees());
        BuildSettings settings = new BuildSettings(options, database(roots), toolchain());

        Set<String> siteNames = new TreeSet<>(knowledge.namesOf(FunctionKind.VFORK));
        siteNames.addAll(knowledge.vforkCalls().spelledCallees());
        // syscall() and clone() are common; a file can only make them vfork-like by naming the
        // vfork system call or the CLONE_VFORK flag, itself or through a macro.
        Set<String> textMarkers = new TreeSet<>(knowledge.namesOf(FunctionKind.VFORK));
        textMarkers.addAll(knowledge.vforkCalls().textMarkers());
        List<Path> macroSources = new ArrayList<>(files);
        macroSources.addAll(headersIn(options.includeDirs()));
        settings.database().ifPresent(db -> macroSources.addAll(headersIn(db.includeDirs())));

        ProgramIndex program = new ProgramIndex(frontEnd, settings, DefinitionIndex.build(files, frontEnd.files()));
        SummaryCache summaries = new SummaryCache();
        Map<String, String> wrappers = new LinkedHashMap<>(); // the analysis' wrapper key -> function name
        Map<Path, FileResult> results = new LinkedHashMap<>();
        List<Diagnostic> scanDiagnostics = new ArrayList<>();
        List<Path> round = candidates(files, macroSources, textMarkers, frontEnd, settings);
        for (int i = 0; !round.isEmpty(); i++) {
            Set<String> names = new TreeSet<>(siteNames);
            names.addAll(wrappers.values());
            ScanState state = new ScanState(frontEnd, settings, program, summaries, Set.copyOf(wrappers.keySet()));
            List<FileResult> analysed = analyseAll(round, state, names);
            Map<String, String> found = new LinkedHashMap<>();
            for (int f = 0; f < round.size(); f++) {
                results.put(round.get(f), analysed.get(f));
                found.putAll(analysed.get(f).wrappers());
            }
            found.keySet().removeAll(wrappers.keySet());
            if (found.isEmpty()) {
                break;
            }
            if (i + 1 == MAX_WRAPPER_ROUNDS) {
                scanDiagnostics.add(new Diagnostic(".", 0, Diagnostic.Kind.INCOMPLETE, "wrappers of vfork wrappers nest more than "
                        + MAX_WRAPPER_ROUNDS + " deep; calls to " + String.join(", ", new TreeSet<>(found.values()))
                        + "() were not taken as vfork sites"));
                break;
            }
            wrappers.putAll(found);
            round = candidates(files, macroSources, new TreeSet<>(found.values()), frontEnd, settings);
        }
        scanDiagnostics.addAll(program.diagnostics());
        return merge(results.values(), scanDiagnostics, files.size(), results.size(), frontEnd.files());
    }

    private ScanResult merge(Iterable<FileResult> results, List<Diagnostic> programDiagnostics, int filesScanned,
                             int filesParsed, io.github.vforklint.source.SourceFiles sources) {
        List<io.github.vforklint.analysis.Observation> observations = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>(programDiagnostics);
        Set<String> sites = new TreeSet<>();
        for (FileResult r : results) {
            observations.addAll(r.observations());
            diagnostics.addAll(r.diagnostics());
            sites.addAll(r.vforkSites());
        }
        List<Diagnostic> uniqueDiagnostics = new ArrayList<>(new LinkedHashSet<>(diagnostics));
        uniqueDiagnostics.sort(Diagnostic.ORDER);
        // One rule run over the whole scan: a helper reached from several files is one finding with all its chains.
        List<Finding> sorted = new RuleEngine(catalogue, selection).findings(new io.github.vforklint.analysis.AnalysisResult(
                observations, uniqueDiagnostics, filesScanned, filesParsed, sites.size()));
        return new ScanResult(List.copyOf(sorted), List.copyOf(uniqueDiagnostics), filesScanned, filesParsed,
                sites.size(), sources);
    }

    private List<Path> candidates(List<Path> files, List<Path> macroSources, Set<String> names, CFrontEnd frontEnd,
                                  BuildSettings settings) {
        VforkPrefilter prefilter = VforkPrefilter.build(macroSources, names, frontEnd.files());
        return files.stream()
                .filter(f -> prefilter.mayInvolveVfork(frontEnd.files().get(f.toString()).chars(), settings.definesFor(f)))
                .toList();
    }

    private Optional<CompilationDatabase> database(List<Path> roots) throws ScanException {
        Optional<Path> location = options.compileCommands() != null
                ? Optional.of(options.compileCommands())
                : CompilationDatabase.find(roots.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        if (location.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompilationDatabase.load(location.get()));
        } catch (CompilationDatabase.InvalidDatabaseException e) {
            throw new ScanException(e.getMessage());
        }
    }

    private CompilerProbe.Toolchain toolchain() throws ScanException {
        if (!options.systemIncludes()) {
            return null;
        }
        try {
            return CompilerProbe.probe(options.compiler());
        } catch (CompilerProbe.ProbeException e) {
            throw new ScanException("--system-includes: " + e.getMessage());
        }
    }

    private List<FileResult> analyseAll(List<Path> files, ScanState state, Set<String> siteNames) {
        // Even one job runs on the pool: its threads have the deep stacks CDT needs, so results
        // do not depend on --jobs.
        int threads = Math.max(1, Math.min(options.jobs(), files.size()));
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
        String shown = display(options.baseDir().toAbsolutePath().normalize(), file.toString());
        try {
            CUnit unit = state.program().unit(file);
            List<Diagnostic> diagnostics = new ArrayList<>(unit.diagnostics());
            diagnostics.addAll(unit.vforkRedefinitions(knowledge.namesOf(FunctionKind.VFORK)));
            VforkAnalysis analysis = new VforkAnalysis(knowledge, state.program(), options.limits(), state.wrappers(),
                    state.summaries());
            List<VforkObservation> observations = new ArrayList<>();
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

    private static List<Path> headersIn(List<Path> dirs) {
        List<Path> headers = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".h")).map(p -> p.toAbsolutePath().normalize()).forEach(headers::add);
            } catch (java.io.IOException e) {
                // An unreadable include dir only means fewer macros are known; the parse reports missing headers.
            }
        }
        return headers;
    }

    static String display(Path base, String absolute) {
        Path p = Path.of(absolute);
        return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
    }
}
