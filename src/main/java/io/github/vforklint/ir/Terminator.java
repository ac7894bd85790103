package io.github.vforklint.ir;

import io.github.vforklint.finding.Location;

import java.util.List;

/** How control leaves a CFG node. */
public sealed interface Terminator {

    /** Unconditional edge. */
    record Jump(CfgNode target) implements Terminator {
    }

    /** Two-way branch on a condition that holds no calls or writes (those are events of the node). */
    record Branch(Expr condition, CfgNode whenTrue, CfgNode whenFalse) implements Terminator {
    }

    /** A switch; {@code otherwise} is the default label, or the statement after the switch. */
    record Switch(Expr selector, List<Case> cases, CfgNode otherwise) implements Terminator {
    }

    /** One {@code case} label with its folded constant value. */
    record Case(long value, CfgNode target) {
    }

    /** Control goes somewhere the analysis cannot follow (a computed goto): the path ends unjudged. */
    record Unfollowable(Location location) implements Terminator {
    }

    /**
     * Leaving the function: a return statement, or falling off its end ({@code implicit}).
     * {@code value} is the returned expression, or null.
     */
    record Return(Location location, boolean implicit, Expr value) implements Terminator {

        public Return(Location location, boolean implicit) {
            this(location, implicit, null);
        }
    }
}
