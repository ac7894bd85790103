package io.github.vforklint.frontend.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import io.github.vforklint.analysis.jvm.ForkedChildCode;
import io.github.vforklint.finding.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the child of a fork or vfork called from Java through the rest of the method that
 * called it, as the C analysis follows a vfork child: the result's sign decides the branches
 * ({@code pid == 0}, {@code pid > 0}, {@code pid < 0}, {@code pid != 0}, their negations, the
 * call itself in the condition, {@code switch (pid)} with {@code case 0}, {@code case -1} and
 * {@code default}), and a branch that returns, throws or exits ends the path. In
 * code the child can reach, every call but an exec or {@code _exit} binding, and every object or
 * array created, is observed; what the child does in the methods it calls is not followed.
 */
final class ForkedChildWalker {

    private static final int NEG = 1;
    private static final int ZERO = 2;
    private static final int POS = 4;
    private static final int ALL = NEG | ZERO | POS;
    private static final Set<String> IO_METHODS = Set.of("println", "print", "printf", "format", "write", "flush",
            "read", "readLine", "close", "append", "newBufferedWriter", "newOutputStream", "writeString", "readString");

    private final JavaUnit unit;
    private final Observed out;
    private final MethodCallExpr fork;
    private final String symbol;
    private final String resultName;
    private final java.util.function.Predicate<MethodCallExpr> isBindingCall;

    private ForkedChildWalker(JavaUnit unit, Observed out, MethodCallExpr fork, String resultName,
                              java.util.function.Predicate<MethodCallExpr> isBindingCall) {
        this.unit = unit;
        this.out = out;
        this.fork = fork;
        this.symbol = fork.getNameAsString();
        this.resultName = resultName;
        this.isBindingCall = isBindingCall;
    }

    /**
     * @param isBindingCall whether a call goes to a native binding (of this scan's bindings, or
     *                      jnr-posix): its exec and {@code _exit} are what the child may call
     */
    static void walk(JavaUnit unit, MethodCallExpr fork, java.util.function.Predicate<MethodCallExpr> isBindingCall,
                     Observed out) {
        Statement start = fork.findAncestor(Statement.class).orElse(null);
        if (start == null) {
            return;
        }
        String result = null;
        Node parent = fork.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator v) {
            result = v.getNameAsString();
        } else if (parent instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) {
            result = n.getNameAsString();
        }
        ForkedChildWalker walker = new ForkedChildWalker(unit, out, fork, result, isBindingCall);
        int state = start instanceof IfStmt ? walker.statement(start, ALL) : ALL;
        walker.rest(start, state);
    }

    /** The statements after {@code from}, up through the enclosing blocks to the end of the method. */
    private void rest(Statement from, int state) {
        Node child = from;
        for (Node n = from.getParentNode().orElse(null); n != null && state != 0; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr || n instanceof ClassOrInterfaceDeclaration) {
                return;
            }
            if (n instanceof BlockStmt block) {
                boolean after = false;
                for (Statement s : block.getStatements()) {
                    if (after) {
                        state = statement(s, state);
                        if (state == 0) {
                            return;
                        }
                    } else if (s == child) {
                        after = true;
                    }
                }
            }
        }
    }

    /** Observes what a statement does in the child and returns the result's possible signs after it (0: no path on). */
    private int statement(Statement s, int entry) {
        final int state = entry;
        if (state == 0) {
            return 0;
        }
        if (s instanceof BlockStmt b) {
            int now = state;
            for (Statement inner : b.getStatements()) {
                now = statement(inner, now);
            }
            return now;
        }
        if (s instanceof IfStmt i) {
            observe(i.getCondition(), state);
            int[] split = condition(i.getCondition(), state);
            int then = statement(i.getThenStmt(), split[0]);
            int otherwise = i.getElseStmt().map(e -> statement(e, split[1])).orElse(split[1]);
            return then | otherwise;
        }
        if (s instanceof ReturnStmt || s instanceof ThrowStmt) {
            observe(s, state);
            return 0;
        }
        if (s instanceof BreakStmt || s instanceof ContinueStmt) {
            return 0;
        }
        if (s instanceof WhileStmt w) {
            observe(w.getCondition(), state);
            return state | statement(w.getBody(), state);
        }
        if (s instanceof DoStmt d) {
            int after = statement(d.getBody(), state);
            observe(d.getCondition(), after);
            return state | after;
        }
        if (s instanceof ForStmt f) {
            f.getInitialization().forEach(e -> observe(e, state));
            f.getCompare().ifPresent(e -> observe(e, state));
            return state | statement(f.getBody(), state);
        }
        if (s instanceof ForEachStmt f) {
            observe(f.getIterable(), state);
            return state | statement(f.getBody(), state);
        }
        if (s instanceof TryStmt t) {
            int after = statement(t.getTryBlock(), state);
            for (var c : t.getCatchClauses()) {
                after |= statement(c.getBody(), state);
            }
            return t.getFinallyBlock().map(f -> statement(f, state)).orElse(after) == 0 ? 0 : after;
        }
        if (s instanceof ExpressionStmt e) {
            observe(e.getExpression(), state);
            return ends(e.getExpression()) ? 0 : state;
        }
        if (s instanceof SwitchStmt sw && isResult(sw.getSelector())) {
            return switchOnResult(sw, state);
        }
        observe(s, state);
        return state;
    }

    /**
     * {@code switch (pid)}: each entry runs for the signs its labels match ({@code case 0}, {@code case -1},
     * {@code default} for the rest); an entry that does not end falls through into the next.
     */
    private int switchOnResult(SwitchStmt sw, int state) {
        int unmatched = state;
        for (SwitchEntry entry : sw.getEntries()) {
            for (Expression label : entry.getLabels()) {
                unmatched &= ~labelSigns(label, state);
            }
        }
        int after = 0;
        int fallingThrough = 0;
        boolean hasDefault = false;
        for (SwitchEntry entry : sw.getEntries()) {
            int entered = entry.getLabels().isEmpty() ? unmatched : 0;
            hasDefault |= entry.getLabels().isEmpty();
            for (Expression label : entry.getLabels()) {
                entered |= labelSigns(label, state);
            }
            int now = entered | fallingThrough;
            boolean broke = false;
            for (Statement inner : entry.getStatements()) {
                if (inner instanceof BreakStmt) {
                    broke = true;
                    break;
                }
                now = statement(inner, now);
            }
            if (broke || entry.getType() != SwitchEntry.Type.STATEMENT_GROUP) {
                after |= now;
                fallingThrough = 0;
            } else {
                fallingThrough = now;
            }
        }
        return after | fallingThrough | (hasDefault ? 0 : unmatched);
    }

    /** The signs a case label matches: an integer constant's class, or every sign for anything else. */
    private static int labelSigns(Expression label, int state) {
        Optional<Long> v = constant(label);
        if (v.isEmpty()) {
            return state;
        }
        long c = v.get();
        return state & (c == 0 ? ZERO : c == -1 ? NEG : c > 0 ? POS : 0);
    }

    /** Signs of the result for which the condition holds, and for which it does not. */
    private int[] condition(Expression c, int state) {
        if (c instanceof EnclosedExpr e) {
            return condition(e.getInner(), state);
        }
        if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            int[] inner = condition(u.getExpression(), state);
            return new int[]{inner[1], inner[0]};
        }
        if (c instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.AND) {
            int[] l = condition(b.getLeft(), state);
            int[] r = condition(b.getRight(), l[0]);
            return new int[]{r[0], l[1] | r[1]};
        }
        if (c instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.OR) {
            int[] l = condition(b.getLeft(), state);
            int[] r = condition(b.getRight(), l[1]);
            return new int[]{l[0] | r[0], r[1]};
        }
        if (c instanceof BinaryExpr b) {
            Optional<Long> right = constant(b.getRight());
            Optional<Long> left = constant(b.getLeft());
            if (isResult(b.getLeft()) && right.isPresent()) {
                return compare(b.getOperator(), right.get(), false, state);
            }
            if (isResult(b.getRight()) && left.isPresent()) {
                return compare(b.getOperator(), left.get(), true, state);
            }
        }
        return new int[]{state, state};
    }

    private boolean isResult(Expression e) {
        Expression x = e instanceof EnclosedExpr en ? en.getInner() : e;
        return x == fork || resultName != null && x instanceof NameExpr n && n.getNameAsString().equals(resultName);
    }

    private static Optional<Long> constant(Expression e) {
        if (e instanceof IntegerLiteralExpr i) {
            return Optional.of(i.asNumber().longValue());
        }
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS && u.getExpression() instanceof IntegerLiteralExpr i) {
            return Optional.of(-i.asNumber().longValue());
        }
        return Optional.empty();
    }

    /** fork returns -1 (failure), 0 (child) or a pid (parent): each class is tried with values that can decide. */
    private static int[] compare(BinaryExpr.Operator op, long c, boolean flipped, int state) {
        int then = 0;
        int otherwise = 0;
        long[][] classes = {{-1}, {0}, {1, 2, Math.max(1, c - 1), Math.max(1, c), Math.max(1, c + 1), Integer.MAX_VALUE}};
        int[] bits = {NEG, ZERO, POS};
        for (int k = 0; k < 3; k++) {
            if ((state & bits[k]) == 0) {
                continue;
            }
            for (long v : classes[k]) {
                boolean holds = flipped ? holds(op, c, v) : holds(op, v, c);
                if (holds) {
                    then |= bits[k];
                } else {
                    otherwise |= bits[k];
                }
            }
        }
        return new int[]{then, otherwise};
    }

    private static boolean holds(BinaryExpr.Operator op, long a, long b) {
        return switch (op) {
            case EQUALS -> a == b;
            case NOT_EQUALS -> a != b;
            case LESS -> a < b;
            case LESS_EQUALS -> a <= b;
            case GREATER -> a > b;
            case GREATER_EQUALS -> a >= b;
            default -> true;
        };
    }

    /** Whether a statement's expression ends the process: System.exit, Runtime.exit/halt, an _exit binding. */
    private boolean ends(Expression e) {
        if (!(e instanceof MethodCallExpr call)) {
            return false;
        }
        String name = call.getNameAsString();
        return isExit(call) || (name.equals("_exit") || name.equals("_Exit")) && isBindingCall.test(call);
    }

    private static boolean isExit(MethodCallExpr call) {
        String name = call.getNameAsString();
        String scope = call.getScope().map(Object::toString).orElse("");
        return name.equals("exit") && (scope.equals("System") || scope.endsWith("getRuntime()"))
                || name.equals("halt") && scope.endsWith("getRuntime()");
    }

    /** Observes the calls and allocations of code the child may run (not inside lambdas or nested classes). */
    private void observe(Node node, int state) {
        if ((state & ZERO) == 0) {
            return;
        }
        List<Node> found = new ArrayList<>();
        collect(node, found);
        for (Node n : found) {
            if (n instanceof MethodCallExpr call) {
                call(call);
            } else {
                report(n, ForkedChildCode.Kind.ALLOCATION);
            }
        }
    }

    private void collect(Node node, List<Node> found) {
        if (node instanceof LambdaExpr) {
            return;
        }
        if (node instanceof MethodCallExpr call && call != fork && !isScopeOfCall(call)) {
            found.add(call);
        } else if (node instanceof ObjectCreationExpr o) {
            found.add(o);
            o.getArguments().forEach(a -> collect(a, found));
            return;
        } else if (node instanceof ArrayCreationExpr a) {
            found.add(a);
            return;
        }
        for (Node child : node.getChildNodes()) {
            if (!(child instanceof Statement) || child instanceof ExpressionStmt) {
                collect(child, found);
            }
        }
    }

    private static boolean isScopeOfCall(MethodCallExpr call) {
        return call.getParentNode().filter(p -> p instanceof MethodCallExpr outer && outer.getScope().orElse(null) == call)
                .isPresent();
    }

    private void call(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (isBindingCall.test(call) && (name.startsWith("exec") || name.equals("_exit") || name.equals("_Exit"))) {
            return;
        }
        if (isExit(call)) {
            report(call, ForkedChildCode.Kind.EXIT);
            return;
        }
        String scope = call.getScope().map(Object::toString).orElse("");
        boolean io = scope.startsWith("System.out") || scope.startsWith("System.err") || scope.startsWith("System.in")
                || scope.equals("Files") || IO_METHODS.contains(name) && !isBindingCall.test(call);
        report(call, io ? ForkedChildCode.Kind.IO : ForkedChildCode.Kind.CALL);
    }

    private void report(Node n, ForkedChildCode.Kind kind) {
        Location at = unit.location(n);
        String code = LaunchPropertyInJava.shorten(n.toString());
        out.observation(new ForkedChildCode(at, code, kind, unit.location(fork), symbol));
    }
}
