package io.github.vforklint.frontend.c;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.analysis.FunctionResolver;
import io.github.vforklint.analysis.Observation;
import io.github.vforklint.analysis.SummaryCache;
import io.github.vforklint.analysis.VforkAnalysis;
import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.knowledge.FunctionKind;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.source.SourceText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analysis of one file that can involve vfork: its default configuration, then each
 * configuration that brings in vfork code the default leaves out, then a check that every call
 * of vfork in the file was a vfork site in some configuration, or a diagnostic saying why not.
 */
final class FileAnalysis {

    /** What the whole scan shares with each file's analysis. */
    record Shared(FunctionKnowledge knowledge, ProgramIndex program, SummaryCache summaries, AnalysisLimits limits,
                  Set<String> wrapperKeys, Words words, BodySelection selection, int maxConfigurations) {
    }

    /**
     * The names the file analysis looks for.
     *
     * @param sites     callees whose calls are analysed as vfork sites (after macro expansion)
     * @param mentions  names whose presence in skipped code calls for another configuration
     * @param calls     names whose calls in the file must each end up as a vfork site
     * @param macros    the macros among them: names the tree defines as macros that expand to vfork
     */
    record Words(Set<String> sites, Set<String> mentions, Set<String> calls, Set<String> macros) {

        /** Every name above (the macros are among the calls): a body naming none of them, nor reached from one that does, is not read. */
        Set<String> all() {
            Set<String> all = new HashSet<>(sites);
            all.addAll(mentions);
            all.addAll(calls);
            return all;
        }
    }

    /** What one file contributed. */
    record Result(List<Observation> observations, Map<Observation, String> configurations, List<Diagnostic> diagnostics,
                  Set<String> vforkSites, Map<String, String> wrappers) {
    }

    private final Shared shared;
    private final Path file;
    private final boolean explore;
    private final List<Observation> observations = new ArrayList<>();
    private final Map<Observation, String> configurations = new IdentityHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> sites = new TreeSet<>();
    private final Map<String, String> wrappers = new LinkedHashMap<>();
    private final List<ConfigurationExplorer.Target> replanned = new ArrayList<>();
    /** Calls on the dead side of a macro condition in code a configuration brought in: none reaches them, or the budget is spent. */
    private final List<ConfigurationExplorer.Target> deeperUnreachable = new ArrayList<>();
    private final List<ConfigurationExplorer.Target> deeperLeftOut = new ArrayList<>();
    private final Map<Integer, String> unparsedInConfiguration = new java.util.HashMap<>();

    FileAnalysis(Shared shared, Path file, boolean explore) {
        this.shared = shared;
        this.file = file;
        this.explore = explore;
    }

    Result run() throws Exception {
        ProgramIndex program = shared.program();
        Set<String> interesting = new HashSet<>(shared.words().mentions());
        interesting.addAll(shared.words().sites());
        BodySelection selection = shared.selection();
        CUnit unit = program.ownUnit(file, selection);
        diagnostics.addAll(unit.diagnostics());
        diagnostics.addAll(unit.vforkRedefinitions(shared.knowledge().namesOf(FunctionKind.VFORK), null));
        bareConditions(unit);
        Set<String> here = new HashSet<>();
        analyse(unit, unit.functionsCalling(shared.words().sites()), program.within(unit), null, null, here);
        ConfigurationExplorer.Plan plan = null;
        String shown = program.displayPath(unit.path());
        // The file's own tokens, read once for the plan and the coverage check.
        char[] own = program.facts().files().get(unit.path()).chars();
        List<CTokens.Token> tokens = CTokens.of(own, 0, own.length, false);
        if (explore) {
            plan = new ConfigurationExplorer(program.facts(), shared.maxConfigurations())
                    .plan(unit, tokens, shared.words().mentions(), shared.words().calls(),
                            at -> here.contains(shown + ":" + at[0] + ":" + at[1]), program::definedSomewhere);
            Set<String> known = new HashSet<>(diagnostics.stream().map(Diagnostic::toString).toList());
            java.util.ArrayDeque<ConfigurationExplorer.Planned> queue = new java.util.ArrayDeque<>(plan.configurations());
            Set<Configuration> seen = new HashSet<>();
            plan.configurations().forEach(p -> seen.add(p.configuration()));
            while (!queue.isEmpty()) {
                ConfigurationExplorer.Planned planned = queue.poll();
                FileDeadline.current().check();
                CUnit configured = program.configured(file, planned.configuration(), u -> u.problemsNear(
                        w -> interesting.contains(w) || ConfigurationExplorer.looksLikeWrapper(w)), selection);
                for (Diagnostic d : configured.diagnostics()) {
                    if (known.add(d.toString())) {
                        diagnostics.add(d);
                    }
                }
                diagnostics.addAll(configured.vforkRedefinitions(shared.knowledge().namesOf(FunctionKind.VFORK),
                        planned.configuration().label()));
                List<String> functions = planned.bringsInDefines()
                        ? configured.functionsCalling(shared.words().sites())
                        : functionsHolding(configured, planned.targets());
                analyse(configured, functions, program.within(configured), planned, unit.path(), here);
                for (ConfigurationExplorer.Target t : planned.targets()) {
                    String lost = t.file().equals(configured.path()) ? configured.unparsedFunctionAt(t.offset()) : null;
                    if (lost != null) {
                        unparsedInConfiguration.putIfAbsent(t.offset(), lost + " in the configuration where "
                                + t.configuration().label());
                    }
                }
                // What this configuration brought in can still sit on the dead side of a macro
                // condition (#if FEATURE ... BB_MMU ? fork() : vfork()): one configuration more.
                for (ConfigurationExplorer.Target t : planned.targets()) {
                    SourceText text = program.facts().files().get(unit.path());
                    if (!t.file().equals(unit.path()) || here.contains(shown + ":" + t.line() + ":" + text.columnOf(t.offset()))) {
                        continue;
                    }
                    ConfigurationExplorer.Target deeper = ConfigurationExplorer.constantCondition(configured, t.word(),
                            t.offset(), t.line(), planned.configuration());
                    if (deeper == null || deeper.alreadyLive()) {
                        continue;
                    }
                    if (deeper.configuration() == null) {
                        deeperUnreachable.add(deeper);
                    } else if (seen.contains(deeper.configuration())) {
                        continue;
                    } else if (seen.size() >= shared.maxConfigurations()) {
                        // The coverage check names the budget for it, if no other configuration made it a site.
                        deeperLeftOut.add(deeper);
                    } else {
                        seen.add(deeper.configuration());
                        queue.add(new ConfigurationExplorer.Planned(deeper.configuration(), List.of(deeper)));
                        replanned.add(deeper);
                    }
                }
            }
            for (ConfigurationExplorer.Target t : plan.leftOut()) {
                diagnostics.add(diagnostic(t, Diagnostic.Kind.INCOMPLETE, t.word() + " at line " + t.line()
                        + " needs a configuration of its own (" + t.configuration().label() + "), past the "
                        + shared.maxConfigurations() + " this file may have (--max-configs): not analysed"));
            }
        }
        if (plan != null && !(replanned.isEmpty() && deeperUnreachable.isEmpty() && deeperLeftOut.isEmpty())) {
            List<ConfigurationExplorer.Planned> all = new ArrayList<>(plan.configurations());
            replanned.forEach(t -> all.add(new ConfigurationExplorer.Planned(t.configuration(), List.of(t))));
            List<ConfigurationExplorer.Target> unreachable = new ArrayList<>(plan.unreachable());
            unreachable.addAll(deeperUnreachable);
            List<ConfigurationExplorer.Target> leftOut = new ArrayList<>(plan.leftOut());
            leftOut.addAll(deeperLeftOut);
            plan = new ConfigurationExplorer.Plan(all, unreachable, leftOut, plan.assumed());
        }
        Set<String> calls = new HashSet<>(shared.words().calls());
        if (plan != null) {
            calls.addAll(plan.assumed());
        }
        new SiteCoverage(program, calls, shared.words().macros()).check(unit, tokens, here, plan, unparsedInConfiguration).forEach(diagnostics::add);
        return new Result(observations, configurations, diagnostics, sites, wrappers);
    }

    /** A bare {@code #if} is an error to a compiler; the parser takes it as false, so the code under it is said to be lost. */
    private void bareConditions(CUnit unit) {
        Conditionals conditionals = shared.program().facts().conditionals(unit.path());
        SourceText text = shared.program().facts().files().get(unit.path());
        for (Directives.Directive bare : conditionals.bare()) {
            int end = bare.end();
            for (Conditionals.Step step : conditionals.around(bare.end())) {
                if (step.taken().directive() == bare) {
                    end = step.taken().bodyEnd();
                }
            }
            diagnostics.add(new Diagnostic(shared.program().displayPath(unit.path()), bare.line(), Diagnostic.Kind.INCOMPLETE,
                    "#" + (bare.kind() == Directives.Kind.ELIF ? "elif" : "if") + " without a condition (a compiler rejects it):"
                            + " the code under it, to line " + text.lineOf(end) + ", is not analysed"));
        }
    }

    private Diagnostic diagnostic(ConfigurationExplorer.Target t, Diagnostic.Kind kind, String message) {
        return new Diagnostic(shared.program().displayPath(t.file()), t.line(), kind, message);
    }

    /** The functions of the configured unit whose bodies hold one of the targets. */
    private static List<String> functionsHolding(CUnit unit, List<ConfigurationExplorer.Target> targets) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, int[]> span : unit.functionSpans().entrySet()) {
            for (ConfigurationExplorer.Target t : targets) {
                if (t.file().equals(unit.path()) && span.getValue()[0] <= t.offset() && t.offset() < span.getValue()[1]) {
                    result.add(span.getKey());
                    break;
                }
            }
        }
        return result;
    }

    /**
     * Analyses the named functions of a unit; under a configuration, each observation records it:
     * the configuration of the target at its vfork site's line when it has one of its own,
     * otherwise the whole (merged) configuration.
     */
    private void analyse(CUnit unit, List<String> functions, FunctionResolver resolver,
                         ConfigurationExplorer.Planned planned, String mainFile, Set<String> here) {
        VforkAnalysis analysis = new VforkAnalysis(shared.knowledge(), resolver, shared.limits(), shared.wrapperKeys(),
                shared.summaries());
        String shown = shared.program().displayPath(unit.path());
        for (String name : functions) {
            FileDeadline.current().check();
            FunctionBody body;
            VforkAnalysis.Result result;
            try {
                body = unit.function(name).orElseThrow();
                result = analysis.analyse(body);
            } catch (StackOverflowError e) {
                diagnostics.add(new Diagnostic(shown, 0, Diagnostic.Kind.INCOMPLETE, name
                        + "() nests expressions or statements too deeply to analyse: not analysed"));
                continue;
            }
            for (VforkObservation o : result.observations()) {
                observations.add(o);
                String label = planned != null ? labelFor(o, planned, mainFile) : conditionalMacroSite(unit, o);
                if (label != null) {
                    configurations.put(o, label);
                }
            }
            for (Location site : result.vforkSites()) {
                sites.add(site.toString());
                here.add(site.toString());
            }
            if (result.wrapperKey() != null) {
                wrappers.put(result.wrapperKey(), name);
            }
            for (String note : result.incomplete()) {
                Location at = body.location();
                diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INCOMPLETE, note));
            }
            for (String note : result.remarks()) {
                Location at = body.location();
                diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INFO, note));
            }
        }
    }

    /**
     * A site that is vfork only through a macro defined under conditions ({@code #ifdef NOMMU /
     * #define fork vfork}): the findings it starts hold only where those conditions do, even in
     * the configuration the options describe. The conditions, as the values their macros have.
     */
    private String conditionalMacroSite(CUnit unit, VforkObservation o) {
        if (o.site() == null || o.site().location().macro() == null) {
            return null;
        }
        PreprocessorView view = unit.preprocessor();
        PreprocessorView.Site defined = view.definitionOf(o.site().location().macro());
        if (defined == null) {
            return null;
        }
        List<Conditionals.Step> chain = shared.program().facts().conditionals(defined.file()).around(defined.offset());
        List<ConfigurationSolver.Requirement> requirements = ConfigurationExplorer.requirements(chain);
        if (requirements == null || requirements.isEmpty()) {
            return null;
        }
        java.util.TreeMap<String, String> values = new java.util.TreeMap<>();
        Set<String> definedOnly = new TreeSet<>();
        for (ConfigurationSolver.Requirement r : requirements) {
            Set<String> onlyDefined = new TreeSet<>();
            for (String name : r.condition().macroNames(onlyDefined)) {
                String value = view.macros().valueOf(name);
                values.put(name, value == null ? Configuration.UNDEFINED : value);
            }
            definedOnly.addAll(onlyDefined);
        }
        definedOnly.retainAll(values.keySet());
        return values.isEmpty() ? null : new Configuration(values, definedOnly).label();
    }

    private String labelFor(VforkObservation o, ConfigurationExplorer.Planned planned, String mainFile) {
        if (o.site() != null) {
            Location site = o.site().location();
            SourceText text = shared.program().facts().files().get(mainFile);
            for (ConfigurationExplorer.Target t : planned.targets()) {
                if (t.file().equals(mainFile) && text.lineOf(t.offset()) == site.line()
                        && site.path().equals(shared.program().displayPath(mainFile))) {
                    return t.configuration().label();
                }
            }
        }
        return planned.configuration().label();
    }
}
