package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Branch conditions on the vfork result, decided per outcome, built without any parsing. */
class ConditionEvaluatorTest {

    private static final Location AT = Location.of("t.c", 1, 1);
    private static final Event.Call VFORK = new Event.Call("vfork", List.of(), AT, "vfork", false);
    private static final Variable PID = new Variable("pid", Variable.Storage.LOCAL, Variable.Shape.SCALAR, AT);
    private static final Variable OTHER = new Variable("x", Variable.Storage.LOCAL, Variable.Shape.SCALAR, AT);

    private static PathState in(Phase phase) {
        return new PathState(phase, VFORK, Map.of(PID, 0L), null);
    }

    private static Expr pid() {
        return new Expr.VarRef(PID);
    }

    private static Expr cmp(String op, long constant) {
        return new Expr.Binary(op, pid(), new Expr.IntConst(constant));
    }

    @ParameterizedTest(name = "pid {0} {1}: child {2}, parent {3}, failed {4}")
    @CsvSource({
            "==, 0, TRUE, FALSE, FALSE",
            "!=, 0, FALSE, TRUE, TRUE",
            "<, 0, FALSE, FALSE, TRUE",
            ">, 0, FALSE, TRUE, FALSE",
            "==, -1, FALSE, FALSE, TRUE",
            "<=, 0, TRUE, FALSE, TRUE",
            ">=, 0, TRUE, TRUE, FALSE",
            "==, 5, FALSE, UNKNOWN, FALSE",
    })
    void comparisonsAgainstConstants(String op, long constant, Truth child, Truth parent, Truth failed) {
        assertEquals(child, ConditionEvaluator.truth(cmp(op, constant), in(Phase.CHILD)));
        assertEquals(parent, ConditionEvaluator.truth(cmp(op, constant), in(Phase.PARENT)));
        assertEquals(failed, ConditionEvaluator.truth(cmp(op, constant), in(Phase.FAILED)));
    }

    @Test
    void truthinessAndNegation() {
        assertEquals(Truth.FALSE, ConditionEvaluator.truth(pid(), in(Phase.CHILD)));
        assertEquals(Truth.TRUE, ConditionEvaluator.truth(pid(), in(Phase.PARENT)));
        assertEquals(Truth.TRUE, ConditionEvaluator.truth(new Expr.Not(pid()), in(Phase.CHILD)));
        assertEquals(Truth.FALSE, ConditionEvaluator.truth(new Expr.Not(pid()), in(Phase.FAILED)));
    }

    @Test
    void constantOnTheLeftIsMirrored() {
        Expr zeroLessThanPid = new Expr.Binary("<", new Expr.IntConst(0), pid());
        assertEquals(Truth.TRUE, ConditionEvaluator.truth(zeroLessThanPid, in(Phase.PARENT)));
        assertEquals(Truth.FALSE, ConditionEvaluator.truth(zeroLessThanPid, in(Phase.CHILD)));
    }

    @Test
    void theCallItselfAndAssignmentsCarryTheResult() {
        PathState child = new PathState(Phase.CHILD, VFORK, Map.of(), null);
        Expr callEqualsZero = new Expr.Binary("==", new Expr.CallValue(VFORK), new Expr.IntConst(0));
        assertEquals(Truth.TRUE, ConditionEvaluator.truth(callEqualsZero, child));
        Expr assignEqualsZero = new Expr.Binary("==", new Expr.Assign(OTHER, new Expr.CallValue(VFORK)), new Expr.IntConst(0));
        assertEquals(Truth.TRUE, ConditionEvaluator.truth(assignEqualsZero, child));
        assertEquals(Map.of(OTHER, 0L), child.assigned(OTHER, new Expr.CallValue(VFORK)).resultHolders());
    }

    @Test
    void unrelatedValuesAndOverwrittenHoldersAreUnknown() {
        Expr other = new Expr.Binary("==", new Expr.VarRef(OTHER), new Expr.IntConst(0));
        assertEquals(Truth.UNKNOWN, ConditionEvaluator.truth(other, in(Phase.CHILD)));
        PathState overwritten = in(Phase.CHILD).assigned(PID, new Expr.IntConst(3));
        assertEquals(Truth.UNKNOWN, ConditionEvaluator.truth(cmp("==", 0), overwritten),
                "after pid = 3 the variable no longer holds the vfork result");
        assertEquals(Truth.UNKNOWN, ConditionEvaluator.truth(cmp("==", 0), in(Phase.BEFORE)));
    }

    @Test
    void decrementedResultKeepsItsMeaning() {
        PathState child = in(Phase.CHILD).incremented(PID, -1L);
        assertEquals(Truth.TRUE, ConditionEvaluator.truth(cmp("<", 0), child), "child did pid--: pid is -1");
        assertEquals(Truth.FALSE, ConditionEvaluator.truth(cmp(">", 0), child));
        assertEquals(Truth.UNKNOWN, ConditionEvaluator.truth(cmp(">", 0), in(Phase.CHILD).incremented(PID, null)));
    }

    @Test
    void logicalOperatorsUseThreeValuedLogic() {
        Expr unknown = new Expr.VarRef(OTHER);
        assertEquals(Truth.FALSE, ConditionEvaluator.truth(new Expr.Binary("&&", cmp("==", 0), unknown), in(Phase.PARENT)));
        assertEquals(Truth.UNKNOWN, ConditionEvaluator.truth(new Expr.Binary("&&", cmp("==", 0), unknown), in(Phase.CHILD)));
        assertEquals(Truth.TRUE, ConditionEvaluator.truth(new Expr.Binary("||", cmp("==", 0), unknown), in(Phase.CHILD)));
    }

    @Test
    void switchLabelsAndDefault() {
        assertTrue(ConditionEvaluator.mayMatch(pid(), 0, in(Phase.CHILD)));
        assertFalse(ConditionEvaluator.mayMatch(pid(), -1, in(Phase.CHILD)));
        assertFalse(ConditionEvaluator.mayMissAll(pid(), List.of(0L, -1L), in(Phase.CHILD)));
        assertTrue(ConditionEvaluator.mayMissAll(pid(), List.of(0L, -1L), in(Phase.PARENT)));
        assertFalse(ConditionEvaluator.mayMatch(pid(), 0, in(Phase.PARENT)));
    }
}
