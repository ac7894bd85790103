package io.github.vforklint.frontend.c;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.source.SourceText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The promise a user can check with grep: every call of vfork (or of a macro or wrapper that is
 * one) in a file was analysed as a vfork site in some configuration, or a diagnostic says why it
 * was not: a branch no configuration reaches, the configuration budget, code the parser could
 * not read.
 */
final class SiteCoverage {

    private final ProgramIndex program;
    private final Set<String> callWords;
    private final Set<String> vforkMacros;

    /** @param vforkMacros the call words the tree defines as macros that expand to vfork */
    SiteCoverage(ProgramIndex program, Set<String> callWords, Set<String> vforkMacros) {
        this.program = program;
        this.callWords = callWords;
        this.vforkMacros = vforkMacros;
    }

    /**
     * @param tokens the file's own tokens, as it is on disk
     * @param sites every vfork site found in the file, under any configuration, as {@code path:line:column}
     * @param plan  the configurations explored, or null when none were
     * @param unparsedInConfiguration by offset, calls the parser could not read in the configuration
     *              that brings them in
     */
    List<Diagnostic> check(CUnit unit, List<CTokens.Token> tokens, Set<String> sites, ConfigurationExplorer.Plan plan,
                           Map<Integer, String> unparsedInConfiguration) {
        String path = unit.path();
        String shown = program.displayPath(path);
        SourceText source = program.facts().files().get(path);
        List<Diagnostic> result = new ArrayList<>();
        List<Directives.Directive> directives = program.facts().of(path).directives();
        // A function of the file's own with a wrapper's or macro's name is another function.
        Set<String> ownFunctions = unit.functionSpans().keySet();
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (!t.isIdentifier() || !callWords.contains(t.text()) || ownFunctions.contains(t.text())
                    || !ConfigurationExplorer.isCall(tokens, i)
                    || ConfigurationExplorer.inDirective(directives, t.start()) || definedAsAPlainCall(unit, t.text())) {
                continue;
            }
            int line = source.lineOf(t.start());
            int column = source.columnOf(t.start());
            if (sites.contains(shown + ":" + line + ":" + column) || enclosingSite(tokens, i, sites, shown, source)) {
                continue;
            }
            result.add(new Diagnostic(shown, line, Diagnostic.Kind.INCOMPLETE,
                    t.text() + "() here is not analysed as a vfork site: "
                            + unparsedInConfiguration.getOrDefault(t.start(), why(unit, t, plan))));
        }
        return result;
    }

    /** How far back a call's enclosing macro use is looked for, in tokens. */
    private static final int ENCLOSING_REACH = 256;

    /**
     * Whether the call is written inside the arguments of a macro use that is a site: a site made
     * by nested macros is placed at the outermost use (toybox's {@code NOEXIT(child = XVFORK())}
     * places its vfork at NOEXIT), which is the same call.
     */
    private static boolean enclosingSite(List<CTokens.Token> tokens, int call, Set<String> sites, String shown,
                                         SourceText source) {
        int depth = 0;
        for (int k = call - 1; k > 0 && k >= call - ENCLOSING_REACH; k--) {
            CTokens.Token t = tokens.get(k);
            if (t.is(")")) {
                depth++;
            } else if (t.is("(") && depth > 0) {
                depth--;
            } else if (t.is("(") && tokens.get(k - 1).isIdentifier()) {
                CTokens.Token macro = tokens.get(k - 1);
                if (sites.contains(shown + ":" + source.lineOf(macro.start()) + ":" + source.columnOf(macro.start()))) {
                    return true;
                }
            } else if (t.is(";") || t.is("{") || t.is("}")) {
                return false;
            }
        }
        return false;
    }

    /** {@code #define vfork fork} in effect: its calls are plain forks, as a note already says. */
    private boolean definedAsAPlainCall(CUnit unit, String name) {
        String other = unit.definedAsAnotherName(name);
        return other != null && !callWords.contains(other);
    }

    private String why(CUnit unit, CTokens.Token t, ConfigurationExplorer.Plan plan) {
        // The parser was given blanks for code nested too deep: it may look unparsed, or empty.
        for (TextFacts.DeepRange deep : program.facts().of(unit.path()).tooDeep()) {
            if (deep.from() <= t.start() && t.start() < deep.to()) {
                return "it is in " + (deep.function().isEmpty() ? "code" : deep.function() + "()") + " at lines "
                        + deep.firstLine() + "-" + deep.lastLine() + ", which nests brackets more than "
                        + TextFacts.MAX_NESTING + " deep and is not analysed";
            }
        }
        String unparsed = unit.unparsedFunctionAt(t.start());
        if (unparsed != null) {
            return unparsed;
        }
        if (vforkMacros.contains(t.text()) && unit.readAsName(t.start(), t.text().length())) {
            // the parser read the macro's name as a plain name there: the macro was not defined
            return t.text() + " is a macro for vfork elsewhere in the tree, and no header this file's parse read defines it"
                    + (unit.missingIncludes().isEmpty() ? "" : " (some of its #include \"...\" headers were not read: see the notes on those lines)");
        }
        if (plan == null) {
            return "it is in code the configuration analysed leaves out or never runs, and no other configuration was"
                    + " looked for (-D, -U or a compilation database entry pins this file's, or the configuration budget is"
                    + " 0; --explore-configs and --max-configs, in the build plugins exploreConfigs and maxConfigs, look"
                    + " further)";
        }
        for (ConfigurationExplorer.Target target : plan.unreachable()) {
            if (target.file().equals(unit.path()) && target.offset() == t.start()) {
                return target.unreachable();
            }
        }
        for (ConfigurationExplorer.Target target : plan.leftOut()) {
            if (target.file().equals(unit.path()) && target.offset() == t.start()) {
                return "its configuration (" + target.configuration().label() + ") is past the --max-configs budget";
            }
        }
        String function = null;
        for (Map.Entry<String, int[]> span : unit.functionSpans().entrySet()) {
            if (span.getValue()[0] <= t.start() && t.start() < span.getValue()[1]) {
                function = span.getKey();
            }
        }
        String configuration = null;
        for (ConfigurationExplorer.Planned planned : plan.configurations()) {
            for (ConfigurationExplorer.Target target : planned.targets()) {
                if (target.file().equals(unit.path()) && target.offset() == t.start()) {
                    configuration = target.configuration().label();
                }
            }
        }
        if (function == null && configuration == null) {
            return "it is not inside any function vforklint read";
        }
        return "vforklint analysed " + (function == null ? "the code around it" : function + "()")
                + (configuration == null ? "" : " in the configuration where " + configuration)
                + " but did not take this call as a vfork site (it is inside another vfork child, or in code"
                + " that cannot run)";
    }
}
