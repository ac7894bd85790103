package io.github.vforklint.analysis;

/**
 * An integer as the analysis knows it: a range, and whether it is known not to be zero (a
 * fork's result in the process that called it is a pid or -1, never 0). Bounds at
 * {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} stand for no bound.
 */
record AbstractInt(long lo, long hi, boolean nonZero) {

    static final long NO_LOW = Long.MIN_VALUE;
    static final long NO_HIGH = Long.MAX_VALUE;
    static final AbstractInt ANY = new AbstractInt(NO_LOW, NO_HIGH, false);
    /** A pid in the parent: at least 1. */
    static final AbstractInt POSITIVE = new AbstractInt(1, NO_HIGH, true);

    AbstractInt {
        nonZero = nonZero || lo > 0 || hi < 0;
        if (nonZero && lo == 0 && hi != 0) {
            lo = 1;
        } else if (nonZero && hi == 0 && lo != 0) {
            hi = -1;
        }
    }

    /** What both allow, or null when nothing is (the path is infeasible). */
    AbstractInt meet(AbstractInt other) {
        long l = Math.max(lo, other.lo);
        long h = Math.min(hi, other.hi);
        boolean nz = nonZero || other.nonZero;
        if (l > h || nz && l == 0 && h == 0) {
            return null;
        }
        return new AbstractInt(l, h, nz);
    }

    /** The values {@code x} may have when {@code x OP c} has the given outcome. */
    static AbstractInt satisfying(String op, long c, boolean outcome) {
        String o = outcome ? op : negate(op);
        return switch (o) {
            case "==" -> exactly(c);
            case "!=" -> c == 0 ? new AbstractInt(NO_LOW, NO_HIGH, true) : ANY;
            case "<" -> c == NO_LOW ? null : new AbstractInt(NO_LOW, c - 1, false);
            case "<=" -> new AbstractInt(NO_LOW, c, false);
            case ">" -> c == NO_HIGH ? null : new AbstractInt(c + 1, NO_HIGH, false);
            case ">=" -> new AbstractInt(c, NO_HIGH, false);
            default -> ANY;
        };
    }

    private static String negate(String op) {
        return switch (op) {
            case "==" -> "!=";
            case "!=" -> "==";
            case "<" -> ">=";
            case ">=" -> "<";
            case ">" -> "<=";
            case "<=" -> ">";
            default -> op;
        };
    }

    static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }

    static AbstractInt exactly(long value) {
        return new AbstractInt(value, value, value != 0);
    }

    /** A pid or -1: what fork returns in the process that called it. */
    static AbstractInt forkParent() {
        return new AbstractInt(-1, NO_HIGH, true);
    }

    boolean isExact() {
        return lo == hi;
    }

    boolean isAny() {
        return lo == NO_LOW && hi == NO_HIGH && !nonZero;
    }

    AbstractInt join(AbstractInt other) {
        return new AbstractInt(Math.min(lo, other.lo), Math.max(hi, other.hi), nonZero && other.nonZero);
    }

    /** The join, with any bound that moved dropped: loops that count stop growing at once. */
    AbstractInt widen(AbstractInt next) {
        AbstractInt joined = join(next);
        return new AbstractInt(joined.lo < lo ? NO_LOW : joined.lo, joined.hi > hi ? NO_HIGH : joined.hi, joined.nonZero);
    }

    AbstractInt plus(long k) {
        return new AbstractInt(add(lo, k), add(hi, k), k == 0 && nonZero);
    }

    private static long add(long bound, long k) {
        if (bound == NO_LOW || bound == NO_HIGH) {
            return bound;
        }
        long sum = bound + k;
        // overflow: give up the bound
        if (((bound ^ sum) & (k ^ sum)) < 0) {
            return k > 0 ? NO_HIGH : NO_LOW;
        }
        return sum;
    }

    /** {@code this OP other}, three-valued. */
    Truth compare(String op, AbstractInt other) {
        switch (op) {
            case "==":
                if (isExact() && other.isExact()) {
                    return Truth.of(lo == other.lo);
                }
                if (hi < other.lo || lo > other.hi || nonZero && other.isExact() && other.lo == 0
                        || other.nonZero && isExact() && lo == 0) {
                    return Truth.FALSE;
                }
                return Truth.UNKNOWN;
            case "!=":
                return compare("==", other).not();
            case "<":
                return hi < other.lo ? Truth.TRUE : lo >= other.hi ? Truth.FALSE : Truth.UNKNOWN;
            case ">":
                return other.compare("<", this);
            case "<=":
                return compare(">", other).not();
            case ">=":
                return compare("<", other).not();
            default:
                return Truth.UNKNOWN;
        }
    }

    /** As a condition: true when not zero. */
    Truth truth() {
        if (isExact()) {
            return Truth.of(lo != 0);
        }
        return nonZero ? Truth.TRUE : Truth.UNKNOWN;
    }

    static AbstractInt of(Truth t) {
        return t == Truth.UNKNOWN ? new AbstractInt(0, 1, false) : exactly(t == Truth.TRUE ? 1 : 0);
    }

    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof AbstractInt other
                && lo == other.lo
                && hi == other.hi
                && nonZero == other.nonZero;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(lo);
        h = 31 * h + Long.hashCode(hi);
        h = 31 * h + Boolean.hashCode(nonZero);
        return h;
    }
}
