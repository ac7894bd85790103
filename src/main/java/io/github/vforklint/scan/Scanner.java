package io.github.vforklint.scan;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.Observation;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.frontend.FrontEnd;
import io.github.vforklint.frontend.FrontEndContext;
import io.github.vforklint.frontend.FrontEndResult;
import io.github.vforklint.frontend.c.COptions;
import io.github.vforklint.frontend.c.CFrontEnd;
import io.github.vforklint.frontend.java.JvmFrontEnd;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleEngine;
import io.github.vforklint.rules.RuleSelection;
import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceTree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scans files and directories: walks them once into a byte-level index, hands each front end the
 * files that hold its markers, puts what the front ends observed in one deterministic order, and
 * lets the rules judge it.
 */
public final class Scanner {

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

    /** @throws IllegalArgumentException for options that name unknown rules or a Java release the parser does not know */
    public Scanner(ScanOptions options, FunctionKnowledge knowledge, RuleCatalogue catalogue) {
        this.options = options;
        this.knowledge = knowledge;
        this.catalogue = catalogue;
        this.selection = RuleSelection.of(catalogue, options.profile(), options.select(), options.ignore());
        JvmFrontEnd.checkRelease(options.javaRelease());
    }

    /**
     * @throws IllegalArgumentException for a path that does not exist
     * @throws ScanException            for a compilation database or compiler that cannot be used
     */
    public ScanResult scan(List<Path> roots) throws ScanException {
        return scan(roots, Set.of());
    }

    /**
     * @param alsoAskedInAnyCase words a later step will ask the result about in any case
     *                           ({@link ScanResult#filesMentioningInAnyCase}), found in the same pass
     * @throws IllegalArgumentException for a path that does not exist
     * @throws ScanException            for a compilation database or compiler that cannot be used
     */
    public ScanResult scan(List<Path> roots, Set<String> alsoAskedInAnyCase) throws ScanException {
        Path base = options.baseDir().toAbsolutePath().normalize();
        List<FrontEnd> frontEnds = frontEnds(roots);
        List<SourceTree.Asked> asked = new ArrayList<>();
        frontEnds.forEach(fe -> asked.add(new SourceTree.Asked(fe::reads, fe.wordsAskedFirst(), false)));
        asked.add(new SourceTree.Asked(p -> true, alsoAskedInAnyCase, true));
        SourceTree tree = SourceTree.build(roots,
                new SourceTree.Selection(p -> anyReads(frontEnds, p),
                        options.paths().excluded(), options.paths().included()),
                SourceTree.Limits.defaults(), options.jobs(), asked);

        List<Observation> observations = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        java.util.Map<Observation, String> configurations = new java.util.IdentityHashMap<>();
        tree.diagnostics().forEach(d -> diagnostics.add(shown(base, d)));
        int analysed = 0;
        int sites = 0;
        for (FrontEndResult result : analyseAll(frontEnds, tree, base)) {
            observations.addAll(result.observations());
            configurations.putAll(result.configurations());
            diagnostics.addAll(result.diagnostics());
            analysed += result.filesAnalysed();
            sites += result.vforkSites();
        }
        ObservationOrder.sort(observations, options.jobs());
        List<Diagnostic> unique = new ArrayList<>(new LinkedHashSet<>(diagnostics));
        unique.sort(Diagnostic.ORDER);
        AnalysisResult analysis = new AnalysisResult(observations, unique, tree.files().size(), analysed, sites,
                configurations);

        List<Finding> findings = new ArrayList<>(new RuleEngine(catalogue, selection).findings(analysis));
        findings.sort(Finding.ORDER);
        return new ScanResult(List.copyOf(findings), analysis.diagnostics(), analysis.filesScanned(),
                analysis.filesAnalysed(), analysis.vforkSites(), tree);
    }

    /** A loop, not a stream: the walk asks this of every file of the tree. */
    private static boolean anyReads(List<FrontEnd> frontEnds, Path file) {
        for (FrontEnd frontEnd : frontEnds) {
            if (frontEnd.reads(file)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each front end's result, in the order of {@code frontEnds}. With more than one thread to
     * use, the others run beside the first (the C front end): its set-up before it parses runs on
     * one thread, and the JVM front end's whole run fits in that time on a kernel-size tree.
     */
    private List<FrontEndResult> analyseAll(List<FrontEnd> frontEnds, SourceTree tree, Path base) {
        List<java.util.concurrent.CompletableFuture<FrontEndResult>> others = new ArrayList<>();
        for (FrontEnd frontEnd : frontEnds.subList(1, frontEnds.size())) {
            if (options.jobs() > 1) {
                others.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> analyse(frontEnd, tree, base),
                        task -> {
                            Thread thread = new Thread(task, "vforklint-front-end-" + frontEnd.language().toLowerCase(java.util.Locale.ROOT));
                            thread.setDaemon(true);
                            thread.start();
                        }));
            }
        }
        List<FrontEndResult> results = new ArrayList<>();
        results.add(analyse(frontEnds.get(0), tree, base));
        for (int i = 1; i < frontEnds.size(); i++) {
            results.add(others.isEmpty() ? analyse(frontEnds.get(i), tree, base) : joined(others.get(i - 1)));
        }
        return results;
    }

    private FrontEndResult analyse(FrontEnd frontEnd, SourceTree tree, Path base) {
        // A plain loop: it runs once over every file of the tree, before the compiler has got to it.
        List<SourceFile> mine = new ArrayList<>();
        for (SourceFile f : tree.files()) {
            if (frontEnd.reads(f.path())) {
                mine.add(f);
            }
        }
        List<SourceFile> candidates = tree.mentioning(frontEnd.markers(), mine);
        return frontEnd.analyse(new FrontEndContext(tree, mine, candidates, base, options.jobs()));
    }

    /** The result, or what the front end threw, thrown here as it would have been had it run on this thread. */
    private static FrontEndResult joined(java.util.concurrent.CompletableFuture<FrontEndResult> result) {
        try {
            return result.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private List<FrontEnd> frontEnds(List<Path> roots) throws ScanException {
        COptions c = new COptions(options.includeDirs(), options.defines(), options.undefines(),
                options.systemIncludes(), options.compiler(), options.compileCommands(), options.limits(),
                options.configurations());
        try {
            return List.of(CFrontEnd.prepare(c, knowledge, roots), new JvmFrontEnd(options.javaRelease()));
        } catch (CFrontEnd.SetupException e) {
            throw new ScanException(e.getMessage());
        }
    }

    /** A diagnostic about a file, with the file shown as findings show paths. */
    private static Diagnostic shown(Path base, Diagnostic d) {
        Path p = Path.of(d.path());
        return p.isAbsolute() && p.startsWith(base)
                ? new Diagnostic(base.relativize(p).toString(), d.line(), d.kind(), d.message()) : d;
    }
}
