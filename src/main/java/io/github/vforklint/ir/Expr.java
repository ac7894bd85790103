package io.github.vforklint.ir;

/**
 * Just enough of an expression to evaluate branch conditions on the vfork result, to follow
 * where that result is stored, and to tell which object a pointer points into. Everything else
 * is {@link Opaque}.
 */
public sealed interface Expr {

    /** A use of a variable's value. */
    record VarRef(Variable variable) implements Expr {
    }

    /** An integer constant, after folding casts, parentheses, unary minus and {@code const} objects. */
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

    /** Integer arithmetic on a variable's value ({@code + - * & | << >>}), decided when the value is known. */
    record Arithmetic(String operator, Expr left, Expr right) implements Expr {
    }

    /** Logical negation. */
    record Not(Expr operand) implements Expr {
    }

    /** The address of a variable, {@code &v}, or an array decaying to a pointer to its storage. */
    record AddressOf(Variable variable) implements Expr {
    }

    /**
     * A member or element reached from a variable, {@code s.f}, {@code p->f} or {@code a[i]},
     * named by its normalised spelling. {@code container} is a pointer to the object that holds
     * it ({@code p} for {@code p->f}, {@code &s} for {@code s.f}), {@link Opaque} when unknown;
     * {@code array} tells that the member is itself an array, whose value points into the container.
     */
    record Member(String path, Expr container, boolean array) implements Expr {

        public Member(String path) {
            this(path, OPAQUE, false);
        }
    }

    /** A pointer into the object another pointer value points into ({@code &p->f}, {@code &p[i]}). */
    record Derived(Expr base) implements Expr {
    }

    /** A function used as a value ({@code spawn = vfork}): a function pointer. */
    record FunctionRef(String name) implements Expr {
    }

    /**
     * A name no visible declaration defines ({@code CLONE_VFORK} without its system header), or
     * such names combined with {@code |}: kept so clone flags can be recognised by name.
     */
    record Flags(java.util.Set<String> names) implements Expr {
    }

    /** {@code c ? a : b} whose condition is not a constant: either value. */
    record Choice(Expr first, Expr second) implements Expr {
    }

    /** Anything the analysis does not need to look into. */
    record Opaque() implements Expr {
    }

    Expr OPAQUE = new Opaque();
}
