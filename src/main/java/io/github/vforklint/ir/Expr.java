package io.github.vforklint.ir;

/**
 * Just enough of an expression to evaluate branch conditions on the vfork result and to follow
 * where that result is stored. Everything else is {@link Opaque}.
 */
public sealed interface Expr {

    /** A use of a variable's value. */
    record VarRef(Variable variable) implements Expr {
    }

    /** An integer constant, after folding casts, parentheses and unary minus. */
    record IntConst(long value) implements Expr {
    }

    /** The value returned by a call. */
    record CallValue(Event.Call call) implements Expr {
    }

    /** {@code target = value}: its value is the assigned value. */
    record Assign(Variable target, Expr value) implements Expr {
    }

    /** A comparison or logical operator: {@code == != < > <= >= && ||}. */
    record Binary(String operator, Expr left, Expr right) implements Expr {
    }

    /** Logical negation. */
    record Not(Expr operand) implements Expr {
    }

    /** The address of a variable, {@code &v}, or an array decaying to a pointer to its storage. */
    record AddressOf(Variable variable) implements Expr {
    }

    /** A member reached from a variable, {@code s.f} or {@code p->f}, named by its normalised spelling. */
    record Member(String path) implements Expr {
    }

    /** {@code c ? a : b} whose condition is not a constant: either value. */
    record Choice(Expr first, Expr second) implements Expr {
    }

    /** Anything the analysis does not need to look into. */
    record Opaque() implements Expr {
    }

    Expr OPAQUE = new Opaque();
}
