package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.Variable;
import io.github.vforklint.knowledge.FunctionKnowledge;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dataflow state: copies that share their maps yet change independently, and the join where
 * paths meet (what both paths agree on is kept, pointers recorded on one path only are joined with
 * their default on the other).
 */
class FlowStateTest {

    private static final Location AT = Location.of("t.c", 1, 1);
    private static final Variable P = new Variable("p", Variable.Storage.LOCAL, Variable.Shape.POINTER, AT);
    private static final Variable Q = new Variable("q", Variable.Storage.LOCAL, Variable.Shape.POINTER, AT);
    private static final Variable N = new Variable("n", Variable.Storage.LOCAL, Variable.Shape.SCALAR, AT);
    private static final Variable BUF = new Variable("buf", Variable.Storage.PARAMETER, Variable.Shape.POINTER, AT);
    private static final Variable ARR = new Variable("arr", Variable.Storage.LOCAL, Variable.Shape.ARRAY, AT);
    private static final Event.Call VFORK = new Event.Call("vfork", List.of(), AT, "vfork", false);
    private static final Event.Call OTHER_VFORK = new Event.Call("vfork", List.of(), AT, "vfork", false);
    private static final Event.Call HELPER_CALL = new Event.Call("helper", List.of(), AT, "helper()", false);
    private static final Event.Call STRCHR = new Event.Call("strchr", List.of(), AT, "strchr(s, c)", false);
    private static final FunctionBody FUNCTION = new FunctionBody("t.c", "f", AT, true, List.of(BUF), new CfgNode(0),
            List.of(), false, List.of());
    private static final Values IN_HELPER = new Values(FunctionKnowledge.load(), FUNCTION, true);
    private static final MemoryObject.Var LOCAL = MemoryObject.Var.of(ARR);
    private static final Set<MemoryObject> UNKNOWN = Set.of(MemoryObject.UNKNOWN);

    private static boolean join(FlowState into, FlowState other) {
        return into.join(other, false, IN_HELPER::defaultTargets);
    }

    @Test
    void aCopyChangesIndependently() {
        FlowState s = FlowState.start(Phase.CHILD);
        s.setValue(N, AbstractInt.exactly(3));
        s.setPointsTo(P, Set.of(LOCAL));
        s.declare(N, true);
        FlowState copy = s.copy();
        copy.setValue(N, AbstractInt.exactly(4));
        copy.setPointsTo(P, null);
        copy.declare(N, false);
        copy.setHolder(Q, 0L);
        assertEquals(AbstractInt.exactly(3), s.value(N));
        assertEquals(Set.of(LOCAL), s.pointsTo(P));
        assertTrue(s.declaredInChild(N));
        assertFalse(s.holdsResult(Q));
        assertEquals(AbstractInt.exactly(4), copy.value(N));
        assertNull(copy.pointsTo(P));
        assertFalse(copy.declaredInChild(N));
        assertEquals(0L, copy.holder(Q));
        assertTrue(copy.holdsResult(Q));
    }

    @Test
    void theKeyKeepsOutcomesApart() {
        FlowState s = FlowState.start(Phase.CHILD);
        assertEquals(s.key(), s.copy().key());
        FlowState other = s.copy();
        other.uncertain = true;
        assertFalse(s.key().equals(other.key()));
        other = s.copy();
        other.site = VFORK;
        assertFalse(s.key().equals(other.key()));
        other = s.copy();
        other.phase = Phase.PARENT;
        assertFalse(s.key().equals(other.key()));
        assertEquals(AbstractInt.ANY, s.callValue(VFORK), "nothing decided about a call: anything");
        assertNull(s.knownCallValue(VFORK));
    }

    @Test
    void callValuesAreJoinedAndForgottenWhereOnePathDecidedNothing() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setCallValue(VFORK, AbstractInt.exactly(0));
        a.setCallValue(HELPER_CALL, AbstractInt.exactly(1));
        FlowState b = FlowState.start(Phase.CHILD);
        b.setCallValue(VFORK, AbstractInt.exactly(0));
        FlowState joined = a.copy();
        assertTrue(join(joined, b), "only a call's value differs");
        assertEquals(AbstractInt.exactly(0), joined.knownCallValue(VFORK));
        assertNull(joined.knownCallValue(HELPER_CALL));
        b.setCallValue(HELPER_CALL, AbstractInt.exactly(2));
        FlowState both = a.copy();
        assertTrue(join(both, b));
        assertEquals(AbstractInt.exactly(1).join(AbstractInt.exactly(2)), both.callValue(HELPER_CALL));
    }

    @Test
    void anyValueIsNotRecorded() {
        FlowState s = FlowState.start(Phase.CHILD);
        s.setValue(N, AbstractInt.exactly(1));
        s.setValue(N, AbstractInt.ANY);
        FlowState other = FlowState.start(Phase.CHILD);
        assertFalse(join(s, other), "nothing known on either path: nothing changes");
        assertEquals(AbstractInt.ANY, s.value(N));
    }

    /** Built afresh each time, so that two of them share no map and a join must compare every entry. */
    private static FlowState everyKindOfFact() {
        FlowState s = FlowState.start(Phase.PARENT);
        s.setValue(N, AbstractInt.exactly(1));
        s.setHolder(Q, 2L);
        s.setPointsTo(P, Set.of(LOCAL));
        s.setCallValue(VFORK, AbstractInt.POSITIVE);
        s.observe(VFORK);
        s.overwritten(N);
        return s;
    }

    @Test
    void joiningAnEqualStateChangesNothing() {
        FlowState s = everyKindOfFact();
        assertFalse(join(s, everyKindOfFact()));
        assertEquals(everyKindOfFact().key(), s.key());
        assertFalse(join(s, s.copy()), "nor does a copy");
    }

    @Test
    void integersAreJoinedAndForgottenWhereOnePathKnowsNothing() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setValue(N, AbstractInt.exactly(1));
        a.setValue(Q, AbstractInt.exactly(7));
        FlowState b = FlowState.start(Phase.CHILD);
        b.setValue(N, AbstractInt.exactly(2));
        assertTrue(join(a, b));
        assertEquals(AbstractInt.exactly(1).join(AbstractInt.exactly(2)), a.value(N));
        assertEquals(AbstractInt.ANY, a.value(Q), "unknown on the other path");
        assertFalse(join(a, b), "a second join of the same state changes nothing");
    }

    @Test
    void widenedBoundsStopMoving() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setValue(N, AbstractInt.exactly(0));
        FlowState b = FlowState.start(Phase.CHILD);
        b.setValue(N, AbstractInt.exactly(1));
        a.join(b, true, IN_HELPER::defaultTargets);
        assertEquals(AbstractInt.exactly(0).widen(AbstractInt.exactly(1)), a.value(N));
    }

    @Test
    void holdersSurviveOnlyWithTheSameOffset() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setHolder(N, 0L);
        a.setHolder(Q, 0L);
        FlowState b = FlowState.start(Phase.CHILD);
        b.setHolder(N, 0L);
        b.setHolder(Q, -1L);
        assertTrue(join(a, b));
        assertEquals(0L, a.holder(N));
        assertFalse(a.holdsResult(Q), "pid on one path, pid - 1 on the other");
    }

    @Test
    void aPointerSetOnOnePathIsJoinedWithItsDefaultOnTheOther() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setPointsTo(P, Set.of(LOCAL));
        FlowState b = FlowState.start(Phase.CHILD);
        assertTrue(join(a, b));
        assertEquals(Set.of(LOCAL, MemoryObject.UNKNOWN), a.pointsTo(P));

        FlowState c = FlowState.start(Phase.CHILD);
        FlowState d = FlowState.start(Phase.CHILD);
        d.setPointsTo(P, Set.of(LOCAL));
        assertTrue(join(c, d), "the same from the other side");
        assertEquals(Set.of(LOCAL, MemoryObject.UNKNOWN), c.pointsTo(P));
    }

    @Test
    void aParameterKeepsPointingToWhatTheCallerPassedOnBothPaths() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setPointsTo(BUF, Set.of(LOCAL));
        FlowState b = FlowState.start(Phase.CHILD);
        join(a, b);
        assertEquals(Set.of(LOCAL, new MemoryObject.Param(0)), a.pointsTo(BUF));

        FlowState c = FlowState.start(Phase.CHILD);
        c.setPointsTo(BUF, Set.of(new MemoryObject.Param(0)));
        FlowState d = FlowState.start(Phase.CHILD);
        assertFalse(join(c, d), "its default on both paths");
    }

    @Test
    void aMemberPathHasNoDefaultAndIsForgotten() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setPointsTo("s.name", Set.of(LOCAL));
        FlowState b = FlowState.start(Phase.CHILD);
        assertTrue(join(a, b));
        assertNull(a.pointsTo("s.name"));
        FlowState c = FlowState.start(Phase.CHILD);
        FlowState d = FlowState.start(Phase.CHILD);
        d.setPointsTo("s.name", Set.of(LOCAL));
        assertFalse(join(c, d), "absent here: its lookup supplies it");
        assertNull(c.pointsTo("s.name"));
    }

    @Test
    void pointerSetsAreUnitedWhereBothPathsKnowThem() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setPointsTo(P, Set.of(LOCAL));
        FlowState b = FlowState.start(Phase.CHILD);
        b.setPointsTo(P, Set.of(new MemoryObject.Param(0)));
        assertTrue(join(a, b));
        assertEquals(Set.of(LOCAL, new MemoryObject.Param(0)), a.pointsTo(P));
        assertFalse(join(a, b), "already holds both");
    }

    @Test
    void callResultsJoinWithTheirDefaultOnlyWhenItDoesNotDependOnTheArguments() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.setCallTargets(HELPER_CALL, Set.of(LOCAL));
        a.setCallTargets(STRCHR, Set.of(LOCAL));
        FlowState b = FlowState.start(Phase.CHILD);
        assertTrue(join(a, b), "only what calls' results point into differs");
        assertEquals(Set.of(LOCAL, MemoryObject.UNKNOWN), a.callTargets(HELPER_CALL));
        assertNull(a.callTargets(STRCHR), "strchr's result points into its argument: its lookup supplies that");
    }

    @Test
    void whatIsDefaultIsNotRecorded() {
        assertTrue(IN_HELPER.isDefault(P, UNKNOWN));
        assertTrue(IN_HELPER.isDefault(BUF, Set.of(new MemoryObject.Param(0))));
        assertTrue(IN_HELPER.isDefault(ARR, Set.of(LOCAL)));
        assertFalse(IN_HELPER.isDefault(P, Set.of(LOCAL)));
        assertFalse(IN_HELPER.isDefault("s.name", UNKNOWN), "a member path has no default of its own");
        assertTrue(IN_HELPER.unknownByDefault(HELPER_CALL, UNKNOWN));
        assertFalse(IN_HELPER.unknownByDefault(HELPER_CALL, Set.of(LOCAL)));
        assertFalse(IN_HELPER.unknownByDefault(STRCHR, UNKNOWN));
        assertFalse(IN_HELPER.unknownByDefault(new Event.Call("malloc", List.of(), AT, "malloc(1)", false), UNKNOWN));
    }

    @Test
    void childLocalsAreThoseDeclaredOnBothPaths() {
        FlowState a = FlowState.start(Phase.CHILD);
        a.declare(N, true);
        a.declare(P, true);
        FlowState b = FlowState.start(Phase.CHILD);
        b.declare(N, true);
        assertTrue(join(a, b));
        assertTrue(a.declaredInChild(N));
        assertFalse(a.declaredInChild(P));
        a.clearChildLocals();
        assertFalse(a.declaredInChild(N));
    }

    @Test
    void aVariableOverwrittenOnOnePathOnlyMayStillHoldWhatTheChildWrote() {
        FlowState a = FlowState.start(Phase.PARENT);
        a.observe(VFORK);
        a.overwritten(N);
        a.overwritten(Q);
        FlowState b = FlowState.start(Phase.PARENT);
        b.observe(VFORK);
        b.overwritten(N);
        b.observe(OTHER_VFORK);
        assertTrue(join(a, b));
        assertEquals(Set.of(N), a.observers().get(VFORK));
        assertEquals(Set.of(), a.observers().get(OTHER_VFORK), "the other path's site is observed from here on");
        assertTrue(a.observesAnySite());
    }

    @Test
    void overwritingMarksEverySiteThisPathIsTheParentOf() {
        FlowState s = FlowState.start(Phase.PARENT);
        assertFalse(s.observesAnySite());
        s.overwritten(N);
        assertTrue(s.observers().isEmpty(), "no site yet: nothing to mark");
        s.observe(VFORK);
        s.observe(OTHER_VFORK);
        s.overwritten(N);
        assertEquals(Set.of(N), s.observers().get(VFORK));
        assertEquals(Set.of(N), s.observers().get(OTHER_VFORK));
    }

    @Test
    void forgettingDropsWhatWasKnownOfOneVariable() {
        FlowState s = FlowState.start(Phase.CHILD);
        s.setValue(N, AbstractInt.exactly(1));
        s.setHolder(N, 0L);
        s.setPointsTo(N, Set.of(LOCAL));
        s.setValue(Q, AbstractInt.exactly(2));
        s.forget(N);
        assertEquals(AbstractInt.ANY, s.value(N));
        assertFalse(s.holdsResult(N));
        assertNull(s.pointsTo(N));
        assertEquals(AbstractInt.exactly(2), s.value(Q));
        s.forgetVariables();
        assertEquals(AbstractInt.ANY, s.value(Q));
    }
}
