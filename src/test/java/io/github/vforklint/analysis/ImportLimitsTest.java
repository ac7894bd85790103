package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;
import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.ir.Event;
import io.github.vforklint.knowledge.FunctionInfo;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the depth and reach limits cut where summaries meet the vfork caller, and that each cut is said. */
class ImportLimitsTest {

    private static final Event.Call VFORK = new Event.Call("vfork", List.of(), at(1), "vfork()", false);

    private static Location at(int line) {
        return new Location("a.c", line, 1, line, 2, null);
    }

    /** A statement at line 100 reached through helpers h0(), h1()... with these reaches. */
    private static VforkObservation reachedThrough(int... reaches) {
        List<TraceStep> steps = new java.util.ArrayList<>();
        List<Integer> reach = new java.util.ArrayList<>();
        for (int i = 0; i < reaches.length; i++) {
            steps.add(new TraceStep(at(10 + i), "h" + i));
            reach.add(reaches[i]);
        }
        return new VforkObservation.ChildReturn(at(100), "h" + (reaches.length - 1), new Trail(VFORK, steps, reach));
    }

    private static VforkObservation.ChildCall callInto(String callee, int calleeReach, int depth) {
        List<TraceStep> steps = new java.util.ArrayList<>();
        List<Integer> reach = new java.util.ArrayList<>();
        for (int i = 0; i < depth; i++) {
            steps.add(new TraceStep(at(10 + i), "h" + i));
            reach.add(1);
        }
        Event.Call call = new Event.Call(callee, List.of(), at(50), callee + "()", false);
        return new VforkObservation.ChildCall(call, FunctionInfo.unknown(callee), true, calleeReach, false,
                new Trail(VFORK, steps, reach));
    }

    @Test
    void withinTheLimitsEverythingIsKeptAndNothingIsSaid() {
        Set<String> notes = new LinkedHashSet<>();
        List<VforkObservation> in = List.of(reachedThrough(5, 5, 5), callInto("big", 50, 1));
        assertEquals(in, new ImportLimits(3, 50).apply(in, notes));
        assertTrue(notes.isEmpty(), notes.toString());
    }

    @Test
    void tooDeepIsDroppedAndNamesTheFirstHelperNotFollowed() {
        Set<String> notes = new LinkedHashSet<>();
        List<VforkObservation> kept = new ImportLimits(2, 50).apply(List.of(reachedThrough(1, 1, 1)), notes);
        assertEquals(List.of(), kept);
        assertEquals(Set.of("helper h2() is more than 2 calls deep from a vfork child and was not followed (--max-depth)"),
                notes);
    }

    @Test
    void theChildsOwnHelperIsFollowedWhateverItReaches() {
        // reach of the first step (a helper the child calls itself) is not limited
        Set<String> notes = new LinkedHashSet<>();
        List<VforkObservation> in = List.of(reachedThrough(500, 3));
        assertEquals(in, new ImportLimits(64, 50).apply(in, notes));
        assertTrue(notes.isEmpty(), notes.toString());
    }

    @Test
    void insideABigHelperNothingIsKeptButTheCutIsSaid() {
        Set<String> notes = new LinkedHashSet<>();
        List<VforkObservation> kept = new ImportLimits(64, 50).apply(List.of(reachedThrough(3, 51, 1)), notes);
        assertEquals(List.of(), kept);
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(Set.of(notFollowed("h1")), notes);
    }

    @Test
    void aCallIntoABigHelperBelowTheChildIsKeptAsNotFollowed() {
        Set<String> notes = new LinkedHashSet<>();
        VforkObservation.ChildCall call = callInto("big", 51, 1);
        List<VforkObservation> kept = new ImportLimits(64, 50).apply(List.of(call, reachedThrough(3, 51, 1)), notes);
        assertEquals(1, kept.size());
        assertTrue(((VforkObservation.ChildCall) kept.get(0)).notFollowed());
        assertFalse(call.notFollowed());
        assertEquals(Set.of(notFollowed("big"), notFollowed("h1")), notes);
    }

    @Test
    void aCallTheChildMakesItselfIsNeverCut() {
        Set<String> notes = new LinkedHashSet<>();
        VforkObservation.ChildCall call = callInto("big", 5000, 0);
        assertEquals(List.of(call), new ImportLimits(64, 50).apply(List.of(call), notes));
        assertTrue(notes.isEmpty());
    }

    @Test
    void theLimitsThemselvesAreAllowed() {
        Set<String> notes = new LinkedHashSet<>();
        List<VforkObservation> in = List.of(reachedThrough(7, 50, 50), callInto("big", 50, 2));
        assertEquals(in, new ImportLimits(3, 50).apply(in, notes), "3 calls deep, helpers reaching 50 functions");
        assertTrue(notes.isEmpty(), notes.toString());
        assertEquals(List.of(), new ImportLimits(2, 50).apply(List.of(reachedThrough(7, 50, 50)), notes));
        assertEquals(List.of(), new ImportLimits(3, 49).apply(List.of(reachedThrough(7, 50, 50)), notes));
    }

    private static String notFollowed(String helper) {
        return helper + "() reaches at least 51 functions, more than 50, and was not followed from the vfork child"
                + " (--max-helper-reach): what it reaches was not analysed; review the call by hand";
    }
}
