package io.github.vforklint.scan;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.analysis.VforkAnalysis;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.frontend.c.CFrontEnd;
import io.github.vforklint.frontend.c.CUnit;
import io.github.vforklint.frontend.c.CompilerProbe;
import io.github.vforklint.frontend.c.ParseSettings;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.Location;
import io.github.vforklint.knowledge.FunctionKind;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleEngine;
import io.github.vforklint.rules.RuleSelection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Scans files and directories for vfork misuse. */
public final class Scanner {

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
    private record FileResult(List<Finding> findings, List<Diagnostic> diagnostics, Set<String> vforkSites) {
    }

    /**
     * @throws IllegalArgumentException for a path that does not exist
     * @throws CompilerProbe.ProbeException when system includes were asked for and the compiler cannot tell them
     */
    public ScanResult scan(List<Path> roots) throws CompilerProbe.ProbeException {
        Path base = options.baseDir().toAbsolutePath().normalize();
        CFrontEnd frontEnd = new CFrontEnd(file -> display(base, file));
        List<Path> files = new SourceDiscovery(base, options.excludes()).find(roots);
        ParseSettings settings = parseSettings();

        List<Path> macroSources = new ArrayList<>(files);
        macroSources.addAll(headersIn(options.includeDirs()));
        Set<String> vforkFunctions = knowledge.namesOf(FunctionKind.VFORK);
        VforkPrefilter prefilter = VforkPrefilter.build(macroSources, vforkFunctions, frontEnd.files());
        List<Path> candidates = files.stream()
                .filter(f -> prefilter.mayInvolveVfork(frontEnd.files().get(f.toString()).chars()))
                .toList();

        List<FileResult> results = analyseAll(candidates, frontEnd, settings, vforkFunctions);
        Map<String, Finding> findings = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<String> sites = new TreeSet<>();
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                findings.putIfAbsent(f.ruleId() + "@" + f.location(), f);
            }
            diagnostics.addAll(r.diagnostics());
            sites.addAll(r.vforkSites());
        }
        List<Finding> sorted = new ArrayList<>(findings.values());
        sorted.sort(Finding.ORDER);
        List<Diagnostic> uniqueDiagnostics = new ArrayList<>(new java.util.LinkedHashSet<>(diagnostics));
        uniqueDiagnostics.sort(Diagnostic.ORDER);
        return new ScanResult(List.copyOf(sorted), List.copyOf(uniqueDiagnostics), files.size(), candidates.size(),
                sites.size());
    }

    private ParseSettings parseSettings() throws CompilerProbe.ProbeException {
        if (!options.systemIncludes()) {
            return new ParseSettings(options.includeDirs(), List.of(), options.defines(), options.undefines(),
                    List.of(), List.of());
        }
        CompilerProbe.Toolchain toolchain = CompilerProbe.probe(options.compiler());
        Map<String, String> defines = new LinkedHashMap<>(toolchain.defines());
        defines.putAll(options.defines());
        return new ParseSettings(options.includeDirs(), List.of(), defines, options.undefines(), List.of(),
                toolchain.searchPath());
    }

    private List<FileResult> analyseAll(List<Path> files, CFrontEnd frontEnd, ParseSettings settings,
                                        Set<String> vforkFunctions) {
        int threads = Math.max(1, Math.min(options.jobs(), files.size()));
        if (threads == 1) {
            return files.stream().map(f -> analyseFile(f, frontEnd, settings, vforkFunctions)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "vforklint-parse", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> analyseFile(f, frontEnd, settings, vforkFunctions)));
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
    private FileResult analyseFile(Path file, CFrontEnd frontEnd, ParseSettings settings, Set<String> vforkFunctions) {
        String shown = display(options.baseDir().toAbsolutePath().normalize(), file.toString());
        try {
            CUnit unit = frontEnd.parse(file, settings);
            List<Diagnostic> diagnostics = new ArrayList<>(unit.diagnostics());
            VforkAnalysis analysis = new VforkAnalysis(knowledge, unit::function, options.limits());
            RuleEngine engine = new RuleEngine(catalogue, selection);
            List<Observation> observations = new ArrayList<>();
            Set<String> sites = new TreeSet<>();
            for (String name : unit.functionsCalling(vforkFunctions)) {
                FunctionBody body = unit.function(name).orElseThrow();
                VforkAnalysis.Result result = analysis.analyse(body);
                observations.addAll(result.observations());
                result.vforkSites().forEach(l -> sites.add(l.toString()));
                for (String note : result.incomplete()) {
                    Location at = body.location();
                    diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INCOMPLETE, note));
                }
            }
            return new FileResult(engine.findings(observations), diagnostics, sites);
        } catch (Exception | StackOverflowError e) {
            return new FileResult(List.of(), List.of(new Diagnostic(shown, 0, Diagnostic.Kind.INCOMPLETE,
                    "vforklint could not analyse this file (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report it")), Set.of());
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
