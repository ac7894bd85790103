package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the vfork code of one file that its default configuration leaves out, and the
 * configurations that bring it in: a mention of vfork (or a wrapper, or a macro that expands to
 * one) in an {@code #if} branch the preprocessor skipped, a {@code #define fork vfork} in a
 * skipped branch of a header the file reads, and a call on the dead side of a condition spelled
 * with macros ({@code BB_MMU ? xfork() : xvfork()}). Each gets the nearest configuration that
 * makes it live; configurations that agree are merged, and at most {@code maxConfigurations} are
 * kept.
 */
final class ConfigurationExplorer {

    /** Why a target exists. */
    enum Kind { SKIPPED_BRANCH, SKIPPED_DEFINE, CONSTANT_CONDITION, ASSUMED_WRAPPER }

    /**
     * How vfork wrappers are named (xvfork, safe_vfork, vfork_or_die): a call of an undefined
     * function named so, whose result is used, is taken for one in a configuration of its own.
     */
    private static final java.util.regex.Pattern WRAPPER_NAME =
            java.util.regex.Pattern.compile("(?:\\w*[_x])?vfork(?:_\\w+)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Code that the default configuration leaves out.
     *
     * @param file         absolute path of the file holding it
     * @param offset       where in that file
     * @param configuration the nearest configuration that makes it live, or null when none does
     * @param unreachable  when there is none: why, for a diagnostic
     */
    record Target(Kind kind, String word, String file, int offset, int line, Configuration configuration,
                  List<ConfigurationSolver.Requirement> requirements, String unreachable) {
        /** Whether its conditions already hold where it was looked at: no other configuration is needed. */
        boolean alreadyLive() {
            return ALREADY_LIVE.equals(unreachable);
        }
    }

    /** Why a call whose conditions hold without any change is not a site: the analysis alone can say. */
    static final String ALREADY_LIVE = "the configuration vforklint chose leaves it out (reason unknown)";

    /** A configuration to analyse, and the targets it brings in. */
    record Planned(Configuration configuration, List<Target> targets) {
        /** Whether it brings in a macro that makes calls anywhere in the file vfork sites. */
        boolean bringsInDefines() {
            return targets.stream().anyMatch(t -> t.kind() == Kind.SKIPPED_DEFINE);
        }
    }

    /** What to analyse beyond the default configuration, and what cannot be. */
    record Plan(List<Planned> configurations, List<Target> unreachable, List<Target> leftOut, Set<String> assumed) {
    }

    private final TextFacts facts;
    private final int maxConfigurations;

    ConfigurationExplorer(TextFacts facts, int maxConfigurations) {
        this.facts = facts;
        this.maxConfigurations = maxConfigurations;
    }

    /**
     * @param tokens    the file's own tokens, as it is on disk
     * @param words     names whose presence matters: vfork and its kin, the macros that expand to
     *                  them, the wrappers found so far
     * @param callWords the ones whose calls are vfork sites
     * @param isSite    whether the call at (line, column) of the file was found to be a vfork site
     */
    Plan plan(CUnit unit, List<CTokens.Token> tokens, Set<String> words, Set<String> callWords, Predicate<int[]> isSite,
              Predicate<String> definedSomewhere) {
        PreprocessorView view = unit.preprocessor();
        String path = unit.path();
        List<Target> targets = new ArrayList<>();
        SourceText lines = facts.files().get(path);
        Conditionals conditionals = facts.conditionals(path);
        List<Directives.Directive> directives = facts.of(path).directives();
        Set<String> assumed = assumedWrappers(unit, tokens, words, definedSomewhere);
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            boolean guessed = assumed.contains(t.text());
            if (!t.isIdentifier() || !words.contains(t.text()) && !guessed) {
                continue;
            }
            // a call of a function taken for a wrapper needs that assumption on top of the rest
            Configuration base = guessed ? Configuration.assumedWrapper(t.text()) : null;
            if (guessed && (!resultUsed(tokens, i) || inDirective(directives, t.start()))) {
                continue;
            }
            List<Conditionals.Step> chain = conditionals.around(t.start());
            int line = lines.lineOf(t.start());
            if (!live(view, path, chain)) {
                Directives.Directive directive = directiveAt(directives, t.start());
                if (directive != null && (directive.kind() != Directives.Kind.DEFINE
                        || !callsIn(tokens, directive.name(), directive))) {
                    continue;
                }
                targets.add(on(base, solved(directive == null ? Kind.SKIPPED_BRANCH : Kind.SKIPPED_DEFINE, t.text(), path,
                        t.start(), line, requirements(chain), view.macros(), name -> true)));
                continue;
            }
            if (!guessed && (!callWords.contains(t.text()) || inDirective(directives, t.start()) || !isCall(tokens, i)
                    || isSite.test(new int[] {line, lines.columnOf(t.start())}))) {
                continue;
            }
            Target constant = constantCondition(unit, t.text(), t.start(), line, base);
            if (constant != null) {
                targets.add(constant);
            } else if (guessed) {
                targets.add(new Target(Kind.ASSUMED_WRAPPER, t.text(), path, t.start(), line, base, List.of(), null));
            }
        }
        Set<String> called = new java.util.HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isIdentifier() && tokens.get(i + 1).is("(")) {
                called.add(tokens.get(i).text());
            }
        }
        for (String header : view.headers()) {
            if (header.equals(path)) {
                continue;
            }
            Conditionals headerConditionals = null;
            for (Directives.Directive d : facts.of(header).directives()) {
                if (d.kind() != Directives.Kind.DEFINE || !called.contains(d.name()) || !mentions(d.argument(), words)) {
                    continue;
                }
                if (headerConditionals == null) {
                    headerConditionals = facts.conditionals(header);
                }
                List<Conditionals.Step> chain = headerConditionals.around(d.start());
                if (!live(view, header, chain)) {
                    targets.add(solved(Kind.SKIPPED_DEFINE, d.name(), header, d.start(), d.line(), requirements(chain),
                            view.macros(), name -> true));
                }
            }
        }
        return merge(targets, view.macros(), assumed);
    }

    /**
     * For a call of {@code word} at {@code offset} that {@code unit} has on the dead side of a
     * condition spelled with macros only ({@code BB_MMU ? xfork() : xvfork()}): a target whose
     * configuration, on top of {@code base}, flips the condition. Null when no such condition
     * encloses the call (it may be dead for other reasons, or not dead at all).
     */
    static Target constantCondition(CUnit unit, String word, int offset, int line, Configuration base) {
        Optional<CUnit.BranchCondition> around = unit.branchConditionAt(offset, word.length());
        if (around.isEmpty()) {
            return null;
        }
        Condition condition = Condition.parse(around.get().condition());
        Condition.Macros defaults = unit.preprocessor().macros();
        if (condition == null || condition instanceof Condition.Opaque) {
            return null;
        }
        Set<String> ignored = new java.util.TreeSet<>();
        Set<String> names = condition.macroNames(ignored);
        if (names.isEmpty() || names.stream().anyMatch(n -> defaults.valueOf(n) == null)) {
            return null;
        }
        List<ConfigurationSolver.Requirement> requirements =
                List.of(new ConfigurationSolver.Requirement(condition, around.get().holds()));
        Target solved = solved(Kind.CONSTANT_CONDITION, word, unit.path(), offset, line, requirements, defaults,
                name -> defaults.valueOf(name) != null);
        if (base == null || solved.configuration() == null) {
            return solved;
        }
        Configuration both = base.with(solved.configuration());
        return both == null ? null
                : new Target(Kind.CONSTANT_CONDITION, word, unit.path(), offset, line, both, requirements, null);
    }

    /** The target with {@code base} added to its configuration (unchanged when base is null or it has none). */
    private static Target on(Configuration base, Target t) {
        if (base == null || t.configuration() == null) {
            return t;
        }
        Configuration both = base.with(t.configuration());
        return both == null ? t : new Target(t.kind(), t.word(), t.file(), t.offset(), t.line(), both, t.requirements(),
                t.unreachable());
    }

    private Plan merge(List<Target> targets, Condition.Macros defaults, Set<String> assumed) {
        List<Target> unreachable = new ArrayList<>();
        List<Configuration> merged = new ArrayList<>();
        List<List<Target>> members = new ArrayList<>();
        List<Target> leftOut = new ArrayList<>();
        for (Target t : targets) {
            if (t.configuration() == null) {
                unreachable.add(t);
                continue;
            }
            boolean placed = false;
            for (int c = 0; c < merged.size() && !placed; c++) {
                Configuration both = merged.get(c).with(t.configuration());
                if (both != null && allLive(members.get(c), t, both, defaults)) {
                    merged.set(c, both);
                    members.get(c).add(t);
                    placed = true;
                }
            }
            if (placed) {
                continue;
            }
            if (merged.size() >= maxConfigurations) {
                leftOut.add(t);
                continue;
            }
            merged.add(t.configuration());
            List<Target> list = new ArrayList<>();
            list.add(t);
            members.add(list);
        }
        List<Planned> planned = new ArrayList<>();
        for (int c = 0; c < merged.size(); c++) {
            planned.add(new Planned(merged.get(c), List.copyOf(members.get(c))));
        }
        return new Plan(planned, unreachable, leftOut, assumed);
    }

    /** Whether every target's requirements still hold inside the merged configuration. */
    private static boolean allLive(List<Target> members, Target added, Configuration merged, Condition.Macros defaults) {
        Condition.Macros macros = merged.over(defaults);
        List<Target> all = new ArrayList<>(members);
        all.add(added);
        for (Target t : all) {
            for (ConfigurationSolver.Requirement r : t.requirements()) {
                if (!Boolean.valueOf(r.holds()).equals(r.condition().holds(macros))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Target solved(Kind kind, String word, String file, int offset, int line,
                                 List<ConfigurationSolver.Requirement> requirements, Condition.Macros defaults,
                                 Predicate<String> pinnable) {
        if (requirements == null) {
            return new Target(kind, word, file, offset, line, null, List.of(), "it is under an #if with no condition");
        }
        ConfigurationSolver.Solution solution = ConfigurationSolver.solve(requirements, defaults, pinnable);
        Optional<Configuration> c = solution.found();
        if (c.isPresent() && !c.get().pins().isEmpty()) {
            return new Target(kind, word, file, offset, line, c.get(), requirements, null);
        }
        Set<String> names = new java.util.TreeSet<>();
        requirements.forEach(r -> names.addAll(r.condition().macroNames(new java.util.TreeSet<>())));
        names.removeIf(pinnable.negate());
        String why = c.isPresent() ? ALREADY_LIVE
                : solution.gaveUp() ? "vforklint stopped after " + ConfigurationSolver.MAX_TRIES + " tries looking for a"
                + " configuration that makes its conditions (" + describe(requirements) + ") hold"
                : names.isEmpty() ? "its conditions (" + describe(requirements) + ") hold in no configuration"
                : "no configuration changing at most " + ConfigurationSolver.MAX_CHANGED
                + " macros makes its conditions (" + describe(requirements) + ") hold";
        return new Target(kind, word, file, offset, line, null, requirements, why);
    }

    static String describe(List<ConfigurationSolver.Requirement> requirements) {
        List<String> parts = new ArrayList<>();
        for (ConfigurationSolver.Requirement r : requirements) {
            parts.add((r.holds() ? "" : "not ") + Show.of(r.condition()));
        }
        return String.join(", ", parts);
    }

    /** The requirements that make the innermost branch of a chain live; null when one is a bare #if. */
    static List<ConfigurationSolver.Requirement> requirements(List<Conditionals.Step> chain) {
        List<ConfigurationSolver.Requirement> result = new ArrayList<>();
        for (Conditionals.Step step : chain) {
            List<Conditionals.Branch> branches = step.group().branches();
            for (int b = 0; b <= step.branch(); b++) {
                Conditionals.Branch branch = branches.get(b);
                boolean isElse = branch.directive().kind() == Directives.Kind.ELSE;
                if (isElse) {
                    continue;
                }
                if (branch.condition() == null) {
                    return null;
                }
                result.add(new ConfigurationSolver.Requirement(branch.condition(), b == step.branch()));
            }
        }
        return result;
    }

    private static boolean live(PreprocessorView view, String file, List<Conditionals.Step> chain) {
        for (Conditionals.Step step : chain) {
            if (!view.taken(file, step.taken().line())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Functions named like vfork wrappers that the file calls for their result, and that nothing
     * defines: not the tree (no body), not the unit (no macro, no declaration with a body).
     */
    static Set<String> assumedWrappers(CUnit unit, List<CTokens.Token> tokens, Set<String> words,
                                       Predicate<String> definedSomewhere) {
        Set<String> result = new java.util.TreeSet<>();
        Set<String> macros = null; // the unit's macros, read once a call looks like a wrapper: most files have none
        Set<String> own = unit.functionSpans().keySet();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (!t.isIdentifier() || !tokens.get(i + 1).is("(") || !looksLikeWrapper(t.text())) {
                continue;
            }
            if (macros == null) {
                macros = unit.preprocessor().macroNames();
            }
            if (!words.contains(t.text()) && !macros.contains(t.text()) && !own.contains(t.text())
                    && resultUsed(tokens, i) && !definedSomewhere.test(t.text())) {
                result.add(t.text());
            }
        }
        return result;
    }

    static boolean looksLikeWrapper(String name) {
        // the pattern's test runs for every call of a file: most names do not hold its one fixed part
        return namesVfork(name) && WRAPPER_NAME.matcher(name).matches() && !name.equalsIgnoreCase("vfork");
    }

    private static boolean namesVfork(String name) {
        for (int i = 0; i + 5 <= name.length(); i++) {
            if (name.regionMatches(true, i, "vfork", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    /** A call whose value is used ({@code pid = f()}, {@code f() == 0}, {@code if (!f())}), not a statement of its own. */
    private static boolean resultUsed(List<CTokens.Token> tokens, int i) {
        if (!isCall(tokens, i)) {
            return false;
        }
        CTokens.Token before = tokens.get(i - 1);
        return !(before.is(";") || before.is("{") || before.is("}") || before.is(")") || before.is("else")
                || before.is("do"));
    }

    /** Whether the text calls {@code name} outside the directive that defines it. */
    private static boolean callsIn(List<CTokens.Token> tokens, String name, Directives.Directive definition) {
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (t.is(name) && (t.start() < definition.start() || t.start() > definition.end()) && isCall(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    private static Directives.Directive directiveAt(List<Directives.Directive> directives, int offset) {
        int lo = 0;
        int hi = directives.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Directives.Directive d = directives.get(mid);
            if (offset < d.start()) {
                hi = mid - 1;
            } else if (offset > d.end()) {
                lo = mid + 1;
            } else {
                return d;
            }
        }
        return null;
    }

    /** Whether {@code offset} lies in one of {@code directives} (in text order), from its {@code #} to its line's end. */
    static boolean inDirective(List<Directives.Directive> directives, int offset) {
        return directiveAt(directives, offset) != null;
    }

    /**
     * A call, not a declaration or definition: the name is followed by {@code (} and preceded by
     * an operator or punctuation (or {@code return}), not by a type.
     */
    static boolean isCall(List<CTokens.Token> tokens, int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).is("(")) {
            return false;
        }
        if (i == 0) {
            return false;
        }
        CTokens.Token before = tokens.get(i - 1);
        if (before.isIdentifier()) {
            return before.is("return") || before.is("else") || before.is("do") || before.is("case");
        }
        return !before.is("*") || i >= 2 && !tokens.get(i - 2).isIdentifier() && !tokens.get(i - 2).is("(");
    }

    private static boolean mentions(String text, Set<String> words) {
        char[] chars = text.toCharArray();
        for (CTokens.Token t : CTokens.of(chars, 0, chars.length, false)) {
            if (t.isIdentifier() && words.contains(t.text())) {
                return true;
            }
        }
        return false;
    }

    /** Conditions as a reader would write them. */
    static final class Show {
        private Show() {
        }

        static String of(Condition c) {
            if (c instanceof Condition.Defined d) {
                return "defined(" + d.name() + ")";
            }
            if (c instanceof Condition.Name n) {
                return n.name();
            }
            if (c instanceof Condition.Number n) {
                return Long.toString(n.value());
            }
            if (c instanceof Condition.Opaque o) {
                return o.text();
            }
            if (c instanceof Condition.Unary u) {
                return u.op() + of(u.operand());
            }
            if (c instanceof Condition.Binary b) {
                return "(" + of(b.left()) + " " + b.op() + " " + of(b.right()) + ")";
            }
            if (c instanceof Condition.Choice ch) {
                return "(" + of(ch.test()) + " ? " + of(ch.then()) + " : " + of(ch.otherwise()) + ")";
            }
            return c.toString();
        }
    }
}
