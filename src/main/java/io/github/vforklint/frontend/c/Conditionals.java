package io.github.vforklint.frontend.c;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code #if}/{@code #ifdef}/{@code #ifndef} ... {@code #elif}/{@code #else} ... {@code #endif}
 * structure of one text, read without a preprocessor, so that code in a branch the preprocessor
 * left out can still be found and the conditions that would bring it in can be read.
 */
final class Conditionals {

    /** One branch: the directive that opens it and its condition (null for {@code #else} or a bare {@code #if}). */
    record Branch(Directives.Directive directive, Condition condition, int bodyStart, int bodyEnd) {
        int line() {
            return directive.line();
        }
    }

    /** One {@code #if ... #endif} group; {@code guard} for an include guard, which is no configuration. */
    record Group(List<Branch> branches, boolean guard) {
    }

    /** Where an offset is: the group and the index of its branch, outermost first. */
    record Step(Group group, int branch) {
        Branch taken() {
            return group.branches().get(branch);
        }
    }

    private final List<Group> groups = new ArrayList<>();
    private final List<Directives.Directive> bare = new ArrayList<>();

    private Conditionals() {
    }

    static Conditionals of(List<Directives.Directive> directives) {
        Conditionals result = new Conditionals();
        List<List<Branch>> open = new ArrayList<>();
        List<Directives.Directive> openers = new ArrayList<>();
        for (int i = 0; i < directives.size(); i++) {
            Directives.Directive d = directives.get(i);
            switch (d.kind()) {
                case IF, IFDEF, IFNDEF -> {
                    List<Branch> branches = new ArrayList<>();
                    branches.add(new Branch(d, conditionOf(d, result), d.end(), -1));
                    open.add(branches);
                    openers.add(d);
                }
                case ELIF, ELSE -> {
                    if (open.isEmpty()) {
                        continue;
                    }
                    List<Branch> branches = open.get(open.size() - 1);
                    close(branches, d.start());
                    branches.add(new Branch(d, d.kind() == Directives.Kind.ELSE ? null : conditionOf(d, result), d.end(), -1));
                }
                case ENDIF -> {
                    if (open.isEmpty()) {
                        continue;
                    }
                    List<Branch> branches = open.remove(open.size() - 1);
                    Directives.Directive opener = openers.remove(openers.size() - 1);
                    close(branches, d.start());
                    boolean guard = open.isEmpty() && isGuard(opener, directives);
                    result.groups.add(new Group(List.copyOf(branches), guard));
                }
                default -> {
                }
            }
        }
        return result;
    }

    private static void close(List<Branch> branches, int end) {
        Branch last = branches.get(branches.size() - 1);
        branches.set(branches.size() - 1, new Branch(last.directive(), last.condition(), last.bodyStart(), end));
    }

    private static Condition conditionOf(Directives.Directive d, Conditionals into) {
        return switch (d.kind()) {
            case IFDEF -> new Condition.Defined(d.name());
            case IFNDEF -> new Condition.Unary("!", new Condition.Defined(d.name()));
            default -> {
                Condition c = Condition.parse(d.argument());
                if (c == null) {
                    into.bare.add(d);
                }
                yield c;
            }
        };
    }

    /** An outermost {@code #ifndef G} / {@code #if !defined G} directly followed by {@code #define G}: an include guard. */
    private static boolean isGuard(Directives.Directive opener, List<Directives.Directive> all) {
        String name = opener.kind() == Directives.Kind.IFNDEF ? opener.name() : guardName(opener);
        if (name == null || name.isEmpty()) {
            return false;
        }
        int at = all.indexOf(opener);
        if (at + 1 >= all.size()) {
            return false;
        }
        Directives.Directive next = all.get(at + 1);
        return next.kind() == Directives.Kind.DEFINE && next.name().equals(name);
    }

    private static String guardName(Directives.Directive opener) {
        if (opener.kind() != Directives.Kind.IF) {
            return null;
        }
        Condition c = Condition.parse(opener.argument());
        if (c instanceof Condition.Unary u && u.op().equals("!") && u.operand() instanceof Condition.Defined d) {
            return d.name();
        }
        return null;
    }

    /** The branches around {@code offset}, outermost first; include guards left out. */
    List<Step> around(int offset) {
        List<Step> steps = new ArrayList<>();
        for (Group g : groups) {
            if (g.guard()) {
                continue;
            }
            for (int b = 0; b < g.branches().size(); b++) {
                Branch branch = g.branches().get(b);
                if (branch.bodyStart() <= offset && offset < branch.bodyEnd()) {
                    steps.add(new Step(g, b));
                }
            }
        }
        steps.sort(java.util.Comparator.comparingInt(s -> s.taken().bodyStart()));
        return steps;
    }

    /** {@code #if} directives with no condition at all. */
    List<Directives.Directive> bare() {
        return bare;
    }
}
