package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Variable;
import java.util.Objects;

/**
 * What a pointer may point into, as the memory model tells objects apart: a named variable, a
 * block an allocation call returned, what a helper's pointer parameter points to (its callers
 * decide whose that is), the environment, a function, or something unknown (taken to be the
 * parent's).
 */
sealed interface MemoryObject {

    /** A variable's storage. Globals are one object whichever file's declaration named them. */
    record Var(Object identity, Variable variable) implements MemoryObject {
        static Var of(Variable v) {
            return new Var(VforkAnalysis.identity(v), v);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Var other && other.identity.equals(identity);
        }

        @Override
        public int hashCode() {
            return identity.hashCode();
        }
    }

    /** The block returned by an allocation call; {@code child}: the call ran in the vfork child. */
    record Alloc(Event.Call call, boolean child) implements MemoryObject {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Alloc other && child == other.child && Objects.equals(call, other.call);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(call) + Boolean.hashCode(child);
        }
    }

    /** What a helper's pointer parameter at {@code index} points to. */
    record Param(int index) implements MemoryObject {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Param other && index == other.index;
        }

        @Override
        public int hashCode() {
            return index;
        }
    }

    /** A function, held by a function pointer. */
    record Function(String name) implements MemoryObject {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Function other && Objects.equals(name, other.name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    /** The process environment ({@code environ} and its strings). */
    record Environ() implements MemoryObject {
    }

    /** Anything: memory of unknown origin, which may be the parent's. */
    record Unknown() implements MemoryObject {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    MemoryObject UNKNOWN = new Unknown();
    MemoryObject ENVIRON = new Environ();
}
