package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.Variable;
import io.github.vforklint.knowledge.FunctionKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Branch conditions on the vfork result and what pointers point into, decided per state, built without parsing. */
class ValuesTest {

    private static final FunctionKnowledge KNOWLEDGE = FunctionKnowledge.load();
    private static final Location AT = Location.of("t.c", 1, 1);
    private static final Event.Call VFORK = new Event.Call("vfork", List.of(), AT, "vfork", false);
    private static final Variable PID = new Variable("pid", Variable.Storage.LOCAL, Variable.Shape.SCALAR, AT);
    private static final Variable OTHER = new Variable("x", Variable.Storage.LOCAL, Variable.Shape.SCALAR, AT);
    private static final Variable PARAM = new Variable("buf", Variable.Storage.PARAMETER, Variable.Shape.POINTER, AT);
    private static final Variable ARRAY = new Variable("a", Variable.Storage.LOCAL, Variable.Shape.ARRAY, AT);
    private static final FunctionBody FUNCTION = new FunctionBody("t.c", "f", AT, true, List.of(PARAM), new CfgNode(0),
            List.of(), false, List.of());
    private static final Values CALLER = new Values(KNOWLEDGE, FUNCTION, false);
    private static final Values HELPER = new Values(KNOWLEDGE, FUNCTION, true);

    private static FlowState in(Phase phase) {
        FlowState s = FlowState.start(phase);
        s.site = VFORK;
        s.setCallValue(VFORK, switch (phase) {
            case CHILD -> AbstractInt.exactly(0);
            case PARENT -> AbstractInt.POSITIVE;
            case FAILED -> AbstractInt.exactly(-1);
            default -> AbstractInt.ANY;
        });
        s.setHolder(PID, 0L);
        return s;
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
            "<, 1, TRUE, FALSE, TRUE",
            ">=, 1, FALSE, TRUE, FALSE",
    })
    void comparisonsAgainstConstants(String op, long constant, Truth child, Truth parent, Truth failed) {
        assertEquals(child, CALLER.truth(cmp(op, constant), in(Phase.CHILD)));
        assertEquals(parent, CALLER.truth(cmp(op, constant), in(Phase.PARENT)));
        assertEquals(failed, CALLER.truth(cmp(op, constant), in(Phase.FAILED)));
    }

    @Test
    void truthinessAndNegation() {
        assertEquals(Truth.FALSE, CALLER.truth(pid(), in(Phase.CHILD)));
        assertEquals(Truth.TRUE, CALLER.truth(pid(), in(Phase.PARENT)));
        assertEquals(Truth.TRUE, CALLER.truth(new Expr.Not(pid()), in(Phase.CHILD)));
        assertEquals(Truth.FALSE, CALLER.truth(new Expr.Not(pid()), in(Phase.FAILED)));
    }

    @Test
    void constantOnTheLeftIsMirrored() {
        Expr zeroLessThanPid = new Expr.Binary("<", new Expr.IntConst(0), pid());
        assertEquals(Truth.TRUE, CALLER.truth(zeroLessThanPid, in(Phase.PARENT)));
        assertEquals(Truth.FALSE, CALLER.truth(zeroLessThanPid, in(Phase.CHILD)));
    }

    @Test
    void theCallItselfAndAssignmentsCarryTheResult() {
        FlowState child = in(Phase.CHILD);
        child.clearHolders();
        Expr callEqualsZero = new Expr.Binary("==", new Expr.CallValue(VFORK), new Expr.IntConst(0));
        assertEquals(Truth.TRUE, CALLER.truth(callEqualsZero, child));
        Expr assign = new Expr.Assign(OTHER, new Expr.CallValue(VFORK));
        assertEquals(Truth.TRUE, CALLER.truth(new Expr.Binary("==", assign, new Expr.IntConst(0)), child));
        assertEquals(0L, CALLER.resultOffset(assign, child));
        assertTrue(CALLER.isSiteCall(assign, child));
    }

    @Test
    void unrelatedValuesAreUnknownAndFlagsComputedFromTheResultAreKnown() {
        Expr other = new Expr.Binary("==", new Expr.VarRef(OTHER), new Expr.IntConst(0));
        assertEquals(Truth.UNKNOWN, CALLER.truth(other, in(Phase.CHILD)));
        assertEquals(Truth.UNKNOWN, CALLER.truth(cmp("==", 0), FlowState.start(Phase.BEFORE)));
        FlowState child = in(Phase.CHILD);
        child.setValue(OTHER, CALLER.intValue(cmp("==", 0), child));
        assertEquals(Truth.TRUE, CALLER.truth(new Expr.VarRef(OTHER), child), "is_child = (pid == 0)");
    }

    @Test
    void decrementedResultKeepsItsMeaning() {
        FlowState child = in(Phase.CHILD);
        child.setHolder(PID, -1L);
        assertEquals(Truth.TRUE, CALLER.truth(cmp("<", 0), child), "child did pid--: pid is -1");
        assertEquals(Truth.FALSE, CALLER.truth(cmp(">", 0), child));
    }

    @Test
    void logicalOperatorsUseThreeValuedLogic() {
        Expr unknown = new Expr.VarRef(OTHER);
        assertEquals(Truth.FALSE, CALLER.truth(new Expr.Binary("&&", cmp("==", 0), unknown), in(Phase.PARENT)));
        assertEquals(Truth.UNKNOWN, CALLER.truth(new Expr.Binary("&&", cmp("==", 0), unknown), in(Phase.CHILD)));
        assertEquals(Truth.TRUE, CALLER.truth(new Expr.Binary("||", cmp("==", 0), unknown), in(Phase.CHILD)));
    }

    @Test
    void expectStyleWrappersAreTheirArgument() {
        Event.Call unlikely = new Event.Call("__builtin_expect", List.of(cmp("<", 0), new Expr.IntConst(0)), AT,
                "__builtin_expect", false);
        assertEquals(Truth.TRUE, CALLER.truth(new Expr.CallValue(unlikely), in(Phase.FAILED)));
        assertEquals(Truth.FALSE, CALLER.truth(new Expr.CallValue(unlikely), in(Phase.CHILD)));
    }

    @Test
    void pointersPointIntoWhatTheyWereDerivedFrom() {
        FlowState child = in(Phase.CHILD);
        Event.Call malloc = new Event.Call("malloc", List.of(new Expr.IntConst(8)), AT, "malloc", false);
        Event.Call strchr = new Event.Call("strchr", List.of(new Expr.CallValue(malloc), new Expr.IntConst(58)), AT,
                "strchr", false);
        assertEquals(Set.of(new MemoryObject.Alloc(malloc, true)), CALLER.targets(new Expr.CallValue(strchr), child));
        assertEquals(Set.of(MemoryObject.Var.of(ARRAY)), CALLER.targets(new Expr.Derived(new Expr.AddressOf(ARRAY)), child));
        assertEquals(Set.of(MemoryObject.UNKNOWN), CALLER.targets(new Expr.VarRef(PARAM), child));
        assertEquals(Set.of(new MemoryObject.Param(0)), HELPER.targets(new Expr.VarRef(PARAM), child));
        assertEquals(Set.of(new MemoryObject.Param(0)),
                HELPER.targets(new Expr.Member("buf->name", new Expr.VarRef(PARAM), false), child));
        FlowState before = in(Phase.BEFORE);
        assertEquals(Set.of(new MemoryObject.Alloc(malloc, false)), CALLER.targets(new Expr.CallValue(malloc), before));
    }

    @Test
    void intervalsWidenInLoops() {
        AbstractInt zero = AbstractInt.exactly(0);
        AbstractInt grown = zero.widen(AbstractInt.exactly(1));
        assertEquals(0, grown.lo());
        assertEquals(AbstractInt.NO_HIGH, grown.hi());
        assertEquals(Truth.FALSE, AbstractInt.forkParent().compare("==", zero), "fork's result in its caller is never 0");
        assertEquals(Truth.UNKNOWN, AbstractInt.forkParent().join(zero).compare("==", zero));
    }
}
