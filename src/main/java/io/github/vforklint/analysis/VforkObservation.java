package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;
import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Variable;
import io.github.vforklint.knowledge.FunctionInfo;

import java.util.List;
import java.util.Objects;

/**
 * Something the child (or, for {@link ParentRead}, the parent) does that a rule may care about.
 * {@code site} is the vfork call; {@code chain} the calls from the function that called vfork
 * down to where this happens (empty when it happens in that function). The same statement
 * reached through different calls is one observation per chain: the rules group them.
 */
public sealed interface VforkObservation extends Observation {

    Trail trail();

    default Event.Call site() {
        return trail().site();
    }

    default List<TraceStep> chain() {
        return trail().steps();
    }

    /** Where the observed code is. */
    Location location();

    /** The same observation, reached along another trail. */
    VforkObservation along(Trail newTrail);

    /**
     * A call the child makes. {@code hasBody}: the callee is defined in the scanned code and was
     * analysed. {@code notFollowed}: it has a body, but reaches more functions than the helper-reach
     * limit allows this deep in the child, so its contents are not reported.
     */
    record ChildCall(Event.Call call, FunctionInfo info, boolean hasBody, int calleeReach, boolean notFollowed,
                     Trail trail) implements VforkObservation {
        public Location location() {
            return call.location();
        }

        public ChildCall along(Trail newTrail) {
            return new ChildCall(call, info, hasBody, calleeReach, notFollowed, newTrail);
        }

        ChildCall asNotFollowed() {
            return new ChildCall(call, info, hasBody, calleeReach, true, trail);
        }

        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof ChildCall other
                    && hasBody == other.hasBody
                    && calleeReach == other.calleeReach
                    && notFollowed == other.notFollowed
                    && Objects.equals(call, other.call)
                    && Objects.equals(info, other.info)
                    && Objects.equals(trail, other.trail);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(call);
            h = 31 * h + Objects.hashCode(info);
            h = 31 * h + Boolean.hashCode(hasBody);
            h = 31 * h + calleeReach;
            h = 31 * h + Boolean.hashCode(notFollowed);
            h = 31 * h + Objects.hashCode(trail);
            return h;
        }
    }

    /** How a write reaches memory. */
    enum WriteKind {
        /** An assignment, {@code ++}, {@code --}. */
        ASSIGNMENT,
        /** A library call that writes through an argument ({@code memset(buf, ...)}). */
        LIBRARY,
        /** A call that changes the environment ({@code setenv}). */
        ENVIRONMENT
    }

    /**
     * The child writes memory the parent owns. {@code target} spells what is written;
     * {@code callee} is the library call that writes it, for {@link WriteKind#LIBRARY} and
     * {@link WriteKind#ENVIRONMENT}. {@code variable} is the written variable when the write is to
     * (part of) one. {@code parameter} is the index of the function's pointer parameter the memory
     * is reached through, or -1: whether such a write reaches the parent depends on what each
     * caller passes, so callers decide. {@code frameLocal}: the variable is a local or parameter of
     * the function that called vfork; {@code seen}: who can see what was written after vfork returns.
     */
    record ParentMemoryWrite(Location location, String target, WriteKind kind, String callee, Variable variable,
                             int parameter, boolean frameLocal, Seen seen, String function, Trail trail)
            implements VforkObservation {

        /** Who can see a write of the child's once vfork has returned. */
        public enum Seen {
            /** The parent can read it. */
            BY_PARENT,
            /** Nobody: a local of the function that called vfork, which the parent never reads again. */
            NEVER,
            /**
             * Only the parent's other threads and signal handlers, while the child runs: a global or
             * static the parent stores to again, on every path, before it reads it, calls the
             * program's own code or leaves.
             */
            UNTIL_RESTORED
        }

        public ParentMemoryWrite along(Trail newTrail) {
            return new ParentMemoryWrite(location, target, kind, callee, variable, parameter, frameLocal, seen,
                    function, newTrail);
        }

        ParentMemoryWrite throughParameter(int index) {
            return new ParentMemoryWrite(location, target, kind, callee, variable, index, frameLocal, seen, function,
                    trail);
        }

        /** The same write, known to land in {@code written}, a variable of {@code owner}. */
        ParentMemoryWrite into(Variable written, boolean isFrameLocal, String owner) {
            return new ParentMemoryWrite(location, target, kind, callee, written, -1, isFrameLocal, Seen.BY_PARENT, owner, trail);
        }

        ParentMemoryWrite seen(Seen by) {
            return new ParentMemoryWrite(location, target, kind, callee, variable, parameter, frameLocal, by,
                    function, trail);
        }

        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof ParentMemoryWrite other
                    && parameter == other.parameter
                    && frameLocal == other.frameLocal
                    && Objects.equals(location, other.location)
                    && Objects.equals(target, other.target)
                    && Objects.equals(kind, other.kind)
                    && Objects.equals(callee, other.callee)
                    && Objects.equals(variable, other.variable)
                    && Objects.equals(seen, other.seen)
                    && Objects.equals(function, other.function)
                    && Objects.equals(trail, other.trail);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(location);
            h = 31 * h + Objects.hashCode(target);
            h = 31 * h + Objects.hashCode(kind);
            h = 31 * h + Objects.hashCode(callee);
            h = 31 * h + Objects.hashCode(variable);
            h = 31 * h + parameter;
            h = 31 * h + Boolean.hashCode(frameLocal);
            h = 31 * h + Objects.hashCode(seen);
            h = 31 * h + Objects.hashCode(function);
            h = 31 * h + Objects.hashCode(trail);
            return h;
        }
    }

    /**
     * A {@code clone(fn, stack, CLONE_VM | CLONE_VFORK, arg)} child writes memory reached through
     * {@code arg}: shared with the parent by design, but only where CLONE_VM is honoured.
     */
    record CloneArgumentWrite(Location location, String target, Trail trail) implements VforkObservation {
        public CloneArgumentWrite along(Trail newTrail) {
            return new CloneArgumentWrite(location, target, newTrail);
        }
    }

    /** The child returns from the function that called vfork. */
    record ChildReturn(Location location, String function, Trail trail) implements VforkObservation {
        public ChildReturn along(Trail newTrail) {
            return this;
        }

        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof ChildReturn other
                    && Objects.equals(location, other.location)
                    && Objects.equals(function, other.function)
                    && Objects.equals(trail, other.trail);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(location);
            h = 31 * h + Objects.hashCode(function);
            h = 31 * h + Objects.hashCode(trail);
            return h;
        }
    }

    /** After {@code exec} fails, the child returns ({@code intoParentCode} false) or runs on into the parent's code. */
    record ExecFallthrough(Event.Call exec, boolean intoParentCode, String function, Trail trail)
            implements VforkObservation {
        public Location location() {
            return exec.location();
        }

        public ExecFallthrough along(Trail newTrail) {
            return new ExecFallthrough(exec, intoParentCode, function, newTrail);
        }
    }

    /** After the child ran, the parent reads a variable the child wrote at {@code childWrite}. */
    record ParentRead(Event.Read read, Location childWrite, Trail trail) implements VforkObservation {
        public Location location() {
            return read.location();
        }

        public ParentRead along(Trail newTrail) {
            return this;
        }
    }
}
