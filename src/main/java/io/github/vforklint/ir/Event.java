package io.github.vforklint.ir;

import io.github.vforklint.finding.Location;

import java.util.List;

/** Something a CFG node does, in evaluation order. */
public sealed interface Event {

    Location location();

    /**
     * A function call. {@code callee} is the resolved name after macro expansion, or null for a
     * call through a function pointer, in which case {@code text} says what was called.
     * {@code argumentTexts} spell each argument as written, or, for a variable with a constant
     * initializer, as that initializer: how {@code SYS_vfork} and clone flags are recognised.
     * {@code target}, for a call through a pointer, is the pointer's value ({@link Expr.FunctionRef}
     * when the pointer is a variable initialised with a function's name), else null.
     */
    record Call(String callee, List<Expr> arguments, List<String> argumentTexts, Location location, String text,
                boolean declaredNoReturn, Expr target) implements Event {

        public Call(String callee, List<Expr> arguments, Location location, String text, boolean declaredNoReturn) {
            this(callee, arguments, List.of(), location, text, declaredNoReturn, null);
        }

        public Call(String callee, List<Expr> arguments, List<String> argumentTexts, Location location, String text,
                    boolean declaredNoReturn) {
            this(callee, arguments, argumentTexts, location, text, declaredNoReturn, null);
        }

        /** Identity: two calls with the same spelling at one place (a macro) are still two calls. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        public boolean isIndirect() {
            return callee == null;
        }

        /** The spelling of argument {@code index}, or "" when there is no such argument. */
        public String argumentText(int index) {
            return index < argumentTexts.size() ? argumentTexts.get(index) : "";
        }
    }

    /**
     * A store: assignment, compound assignment, increment or decrement. {@code value} is null
     * unless it is a plain {@code =}; {@code increment} is the constant added by {@code ++},
     * {@code --}, {@code += c} or {@code -= c}, else null.
     */
    record Write(LValue target, Expr value, Long increment, Location location) implements Event {
    }

    /** The value of a variable is used. */
    record Read(Variable variable, Location location) implements Event {
    }

    /**
     * Code the parser could not make sense of (already a diagnostic of its file). What it does is
     * unknown: a child that passes it may have exec'd or exited there.
     */
    record Unparsed(Location location) implements Event {
    }

    /** A variable comes into scope, with its initial value if it has one (else null). */
    record Declare(Variable variable, Expr initialValue, Location location) implements Event {
    }
}
