package io.github.vforklint.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a helper does when the vfork child calls it, computed once per helper from its body and
 * its callees' summaries alone (never from a caller's limits): what it observes (trails relative
 * to the helper), how it can come back, what its result is and points into.
 *
 * @param exits     the ways it returns to its caller
 * @param returned  what a returned pointer may point into: {@link MemoryObject.Alloc} (with no
 *                  call) for memory it allocated, {@link MemoryObject.Param} for memory reached
 *                  through a parameter, {@link MemoryObject#UNKNOWN} for anything else
 * @param reach     how many functions it reaches, itself included
 * @param incomplete what could not be followed inside it (unparsed code, a bound)
 * @param remarks    what was left out of the report though it was analysed (chains beyond a bound)
 * @param readsStatics the globals and statics (by {@link VforkAnalysis#identity}) it or a helper it
 *                   follows reads: a caller that knows one's value ({@code vforked}) asks for a
 *                   summary specialised on it
 * @param writesStatics the globals and statics it or a helper it follows stores to: what a caller
 *                   knows of those is not what the helper runs with, so no summary is specialised on it
 */
record HelperSummary(List<VforkObservation> observations, List<Exit> exits, Set<MemoryObject> returned, int reach,
                     List<String> incomplete, List<String> remarks, Set<Object> readsStatics, Set<Object> writesStatics) {

    HelperSummary(List<VforkObservation> observations, List<Exit> exits, Set<MemoryObject> returned, int reach,
                  List<String> incomplete) {
        this(observations, exits, returned, reach, incomplete, List.of(), Set.of(), Set.of());
    }

    HelperSummary(List<VforkObservation> observations, List<Exit> exits, Set<MemoryObject> returned, int reach,
                  List<String> incomplete, List<String> remarks) {
        this(observations, exits, returned, reach, incomplete, remarks, Set.of(), Set.of());
    }

    /**
     * One way back to the caller: in which process ({@link Phase#CHILD}, or
     * {@link Phase#GRANDCHILD} after a fork in it), past which exec, whether only if an unseen
     * call returned, and the value returned.
     */
    record Exit(Phase phase, ExecMark exec, boolean uncertain, AbstractInt value) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Exit other
                    && uncertain == other.uncertain
                    && Objects.equals(phase, other.phase)
                    && Objects.equals(exec, other.exec)
                    && Objects.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(phase);
            h = 31 * h + Objects.hashCode(exec);
            h = 31 * h + Boolean.hashCode(uncertain);
            h = 31 * h + Objects.hashCode(value);
            return h;
        }
    }

    /** Where a recursive cycle starts: nothing known yet, no way back. */
    static final HelperSummary BOTTOM = new HelperSummary(List.of(), List.of(), Set.of(), 1, List.of());

    HelperSummary {
        observations = List.copyOf(observations);
        exits = List.copyOf(exits);
        returned = Set.copyOf(returned);
        incomplete = List.copyOf(incomplete);
        remarks = List.copyOf(remarks);
        readsStatics = Set.copyOf(readsStatics);
        writesStatics = Set.copyOf(writesStatics);
    }
}
