package io.github.vforklint.analysis;

import io.github.vforklint.ir.Expr;

/**
 * Decides a branch condition for a path. The only values it knows are constants and the vfork
 * result, which is 0 in the child, some positive pid in the parent and -1 on failure.
 */
final class ConditionEvaluator {

    /** An abstract integer: exactly {@code value}, some positive number, or anything. */
    private record Value(Kind kind, long value) {
        enum Kind { EXACT, POSITIVE, UNKNOWN }

        static final Value UNKNOWN = new Value(Kind.UNKNOWN, 0);
        static final Value POSITIVE = new Value(Kind.POSITIVE, 0);

        static Value exact(long v) {
            return new Value(Kind.EXACT, v);
        }
    }

    private ConditionEvaluator() {
    }

    static Truth truth(Expr condition, PathState state) {
        if (condition instanceof Expr.Not not) {
            return truth(not.operand(), state).not();
        }
        if (condition instanceof Expr.Binary binary) {
            switch (binary.operator()) {
                case "&&":
                    return truth(binary.left(), state).and(truth(binary.right(), state));
                case "||":
                    return truth(binary.left(), state).or(truth(binary.right(), state));
                default:
                    return compare(binary.operator(), value(binary.left(), state), value(binary.right(), state));
            }
        }
        return compare("!=", value(condition, state), Value.exact(0));
    }

    /** Whether a switch on {@code selector} can take the label with {@code label}'s value. */
    static boolean mayMatch(Expr selector, long label, PathState state) {
        return compare("==", value(selector, state), Value.exact(label)) != Truth.FALSE;
    }

    /** Whether a switch on {@code selector} can reach its default. */
    static boolean mayMissAll(Expr selector, Iterable<Long> labels, PathState state) {
        Value v = value(selector, state);
        if (v.kind() != Value.Kind.EXACT) {
            return true;
        }
        for (long label : labels) {
            if (label == v.value()) {
                return false;
            }
        }
        return true;
    }

    private static Value value(Expr e, PathState state) {
        Long offset = state.resultOffset(e);
        if (offset != null) {
            return switch (state.phase()) {
                case CHILD -> Value.exact(offset);
                case PARENT -> offset >= 0 ? Value.POSITIVE : Value.UNKNOWN;
                case FAILED -> Value.exact(-1 + offset);
                case BEFORE -> Value.UNKNOWN;
            };
        }
        if (e instanceof Expr.IntConst c) {
            return Value.exact(c.value());
        }
        if (e instanceof Expr.Assign assign) {
            return value(assign.value(), state);
        }
        if (e instanceof Expr.Not || e instanceof Expr.Binary) {
            Truth t = truth(e, state);
            return t == Truth.UNKNOWN ? Value.UNKNOWN : Value.exact(t == Truth.TRUE ? 1 : 0);
        }
        return Value.UNKNOWN;
    }

    private static Truth compare(String op, Value left, Value right) {
        if (left.kind() == Value.Kind.EXACT && right.kind() == Value.Kind.EXACT) {
            long l = left.value();
            long r = right.value();
            return switch (op) {
                case "==" -> Truth.of(l == r);
                case "!=" -> Truth.of(l != r);
                case "<" -> Truth.of(l < r);
                case ">" -> Truth.of(l > r);
                case "<=" -> Truth.of(l <= r);
                case ">=" -> Truth.of(l >= r);
                default -> Truth.UNKNOWN;
            };
        }
        if (left.kind() == Value.Kind.POSITIVE && right.kind() == Value.Kind.EXACT) {
            return positiveAgainst(op, right.value());
        }
        if (left.kind() == Value.Kind.EXACT && right.kind() == Value.Kind.POSITIVE) {
            return positiveAgainst(mirror(op), left.value());
        }
        return Truth.UNKNOWN;
    }

    /** {@code p OP c} for an unknown p >= 1. */
    private static Truth positiveAgainst(String op, long c) {
        return switch (op) {
            case "==" -> c <= 0 ? Truth.FALSE : Truth.UNKNOWN;
            case "!=" -> c <= 0 ? Truth.TRUE : Truth.UNKNOWN;
            case ">" -> c <= 0 ? Truth.TRUE : Truth.UNKNOWN;
            case ">=" -> c <= 1 ? Truth.TRUE : Truth.UNKNOWN;
            case "<" -> c <= 1 ? Truth.FALSE : Truth.UNKNOWN;
            case "<=" -> c <= 0 ? Truth.FALSE : Truth.UNKNOWN;
            default -> Truth.UNKNOWN;
        };
    }

    private static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }
}
