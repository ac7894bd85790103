package io.github.vforklint.analysis.jvm;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.finding.Location;

/**
 * Java code that binds a C library's fork-family function so that Java can call it.
 *
 * @param location where the binding is declared or looked up (the method name, the symbol string)
 * @param symbol   the C symbol: fork, vfork, __fork, clone...
 * @param through  the mechanism, for messages: "JNA", "JNR-FFI", "jnr-posix", "the FFM API"
 * @param name     the binding as Java code names it: "CLibrary.fork", "POSIX.fork"
 */
public record NativeForkBinding(Location location, String symbol, String through, String name) implements Observation {

    /** vfork shares the parent's memory with its child; the others copy it. */
    public boolean sharesMemory() {
        return symbol.equals("vfork") || symbol.equals("__vfork");
    }
}
