package io.github.vforklint.suppress;

import io.github.vforklint.finding.Finding;
import io.github.vforklint.rules.RuleIds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The suppression comments of one file, turned into line ranges per rule, and what became of
 * them: which suppressed a finding, and which are broken or never used.
 */
final class FileSuppressions {

    /** What is wrong with one directive (becomes a VFK001 finding). */
    record Problem(Directive directive, String reason) {
    }

    /** A directive's claim on one rule over some lines. */
    private static final class Scope {
        final Directive directive;
        final Directive.Target target;
        final String ruleId;
        final int from;
        final int to;
        boolean used;

        Scope(Directive directive, Directive.Target target, String ruleId, int from, int to) {
            this.directive = directive;
            this.target = target;
            this.ruleId = ruleId;
            this.from = from;
            this.to = to;
        }
    }

    private final List<Directive> directives;
    private final List<Scope> scopes = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    FileSuppressions(List<Directive> directives) {
        this.directives = directives;
        build();
    }

    List<Directive> directives() {
        return directives;
    }

    /** The first directive covering the finding, marking every directive that covers it as used. */
    Optional<Suppression> suppress(Finding finding) {
        Suppression first = null;
        int line = finding.location().line();
        for (Scope s : scopes) {
            if (s.ruleId.equals(finding.ruleId()) && line >= s.from && line <= s.to) {
                s.used = true;
                if (first == null) {
                    first = new Suppression(Suppression.Kind.IN_SOURCE, s.directive.reason(), s.directive.where(),
                            s.directive.text());
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Broken directives, and names in working ones that suppressed nothing. Only rules that ran
     * ({@code enabled}) can be said to have suppressed nothing.
     */
    List<Problem> problems(Predicate<String> enabled) {
        List<Problem> all = new ArrayList<>(problems);
        Map<Directive, List<Directive.Target>> unused = new LinkedHashMap<>();
        // By identity: two directives naming the same rule hold equal targets, and each is judged on its own.
        Map<Directive.Target, Boolean> targetUsed = new IdentityHashMap<>();
        Map<Directive.Target, Scope> anyScope = new IdentityHashMap<>();
        // An identity map iterates in no fixed order; the scopes' order (the file's) decides the messages'.
        List<Directive.Target> inOrder = new ArrayList<>();
        for (Scope s : scopes) {
            targetUsed.merge(s.target, s.used, Boolean::logicalOr);
            if (anyScope.putIfAbsent(s.target, s) == null) {
                inOrder.add(s.target);
            }
        }
        for (Directive.Target target : inOrder) {
            if (!targetUsed.get(target) && target.ruleIds().stream().anyMatch(enabled)) {
                unused.computeIfAbsent(anyScope.get(target).directive, d -> new ArrayList<>()).add(target);
            }
        }
        for (Map.Entry<Directive, List<Directive.Target>> e : unused.entrySet()) {
            all.add(new Problem(e.getKey(), "suppresses nothing: " + nothingFound(e.getKey(), e.getValue())));
        }
        return all;
    }

    /** Suppressions that work but give no reason (for --require-reason). */
    List<Directive> withoutReason() {
        Set<Directive> found = new LinkedHashSet<>();
        for (Scope s : scopes) {
            if (!s.directive.hasReason()) {
                found.add(s.directive);
            }
        }
        return new ArrayList<>(found);
    }

    private void build() {
        Map<String, Directive> open = new LinkedHashMap<>();
        Map<String, Directive.Target> openTarget = new HashMap<>();
        for (Directive d : directives) {
            if (d.targets().isEmpty()) {
                problems.add(new Problem(d, "names no rule: list the rules it is for, as in `"
                        + example(d) + " VFK101 -- why`"));
                continue;
            }
            for (Directive.Target t : d.targets()) {
                if (!valid(d, t)) {
                    continue;
                }
                for (String rule : t.ruleIds()) {
                    switch (d.form()) {
                        case LINE -> scopes.add(new Scope(d, t, rule, d.line(), d.line()));
                        case NEXT_LINE -> scopes.add(new Scope(d, t, rule, d.lastLine() + 1, d.lastLine() + 1));
                        case FILE -> scopes.add(new Scope(d, t, rule, 1, Integer.MAX_VALUE));
                        case ELEMENT -> scopes.add(new Scope(d, t, rule, d.line(), d.scopeEnd()));
                        case BLOCK_START -> {
                            Directive already = open.putIfAbsent(rule, d);
                            if (already != null && already != d) {
                                problems.add(new Problem(d, "does nothing: " + rule + " is already disabled since line "
                                        + already.line()));
                            } else {
                                openTarget.put(rule, t);
                            }
                        }
                        case BLOCK_END -> {
                            Directive start = open.remove(rule);
                            if (start == null) {
                                if (!t.glob()) {
                                    problems.add(new Problem(d, "closes nothing: no block disabling " + rule
                                            + " is open here"));
                                }
                            } else {
                                scopes.add(new Scope(start, openTarget.remove(rule), rule, start.line(), d.lastLine()));
                            }
                        }
                    }
                }
            }
        }
        Map<Directive, List<String>> unclosed = new LinkedHashMap<>();
        open.forEach((rule, d) -> unclosed.computeIfAbsent(d, k -> new ArrayList<>()).add(rule));
        unclosed.forEach((d, rules) -> problems.add(new Problem(d, "suppresses nothing: no "
                + (d.text().startsWith("NOLINT") ? "NOLINTEND" : "vforklint-enable") + " for " + String.join(", ", rules)
                + " follows it (a block must be closed; vforklint-disable-file covers a whole file)")));
    }

    private boolean valid(Directive d, Directive.Target t) {
        if (t.ruleIds().contains(RuleIds.UNUSED_SUPPRESSION)) {
            problems.add(new Problem(d, "cannot suppress " + RuleIds.UNUSED_SUPPRESSION
                    + ": remove the comment it reports, or turn the rule off with --ignore " + RuleIds.UNUSED_SUPPRESSION));
            return false;
        }
        if (t.ruleIds().isEmpty()) {
            problems.add(new Problem(d, t.glob()
                    ? "matches no vforklint rule with " + t.written()
                    : "suppresses nothing: '" + t.written() + "' is not a vforklint rule (see `vforklint rules`)"));
            return false;
        }
        return true;
    }

    private static String example(Directive d) {
        int space = d.text().indexOf(' ');
        return space < 0 ? d.text() : d.text().substring(0, space);
    }

    private static String nothingFound(Directive d, List<Directive.Target> targets) {
        String names = String.join(" or ", targets.stream().map(t -> t.glob() ? "vforklint" : t.written())
                .distinct().sorted().toList());
        return switch (d.form()) {
            case LINE -> "no " + names + " finding on this line";
            case NEXT_LINE -> "no " + names + " finding on line " + (d.lastLine() + 1);
            case FILE -> "no " + names + " finding in this file";
            case ELEMENT -> "no " + names + " finding in the declaration it annotates";
            case BLOCK_START, BLOCK_END -> "no " + names + " finding in the block it opens";
        };
    }
}
