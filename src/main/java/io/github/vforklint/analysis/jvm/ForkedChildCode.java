package io.github.vforklint.analysis.jvm;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.finding.Location;

/**
 * Java code that runs in the child of a fork or vfork called from Java, before an exec or
 * {@code _exit} binding ends it.
 *
 * @param code     the expression as written, shortened for messages
 * @param kind     what it does
 * @param forkCall the call that started the child
 * @param symbol   the C function that call binds (fork, vfork)
 */
public record ForkedChildCode(Location location, String code, Kind kind, Location forkCall, String symbol)
        implements Observation {

    /** What the child's code does, which decides the wording. */
    public enum Kind {
        /** System.exit, Runtime.exit or halt: shutdown hooks and finalization in a one-thread copy. */
        EXIT,
        /** Java I/O: System.out, System.err, streams, files. */
        IO,
        /** new objects or arrays: the heap of a JVM whose GC threads are gone. */
        ALLOCATION,
        /** any other Java method or native binding that is neither an exec nor _exit. */
        CALL
    }
}
