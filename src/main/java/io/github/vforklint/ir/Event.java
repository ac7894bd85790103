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
     */
    record Call(String callee, List<Expr> arguments, List<String> argumentTexts, Location location, String text,
                boolean declaredNoReturn) implements Event {

        public Call(String callee, List<Expr> arguments, Location location, String text, boolean declaredNoReturn) {
            this(callee, arguments, List.of(), location, text, declaredNoReturn);
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

    /** A variable comes into scope, with its initial value if it has one (else null). */
    record Declare(Variable variable, Expr initialValue, Location location) implements Event {
    }
}
