package io.github.vforklint.knowledge;

import java.util.Objects;

/**
 * One function as the catalogue knows it.
 *
 * @param category for {@link FunctionKind#UNSAFE}, the category id from {@code unsafe.yml}
 * @param reason   for {@link FunctionKind#UNSAFE}, why it is unsafe, completing "{callee}() in the vfork child ..."
 * @param neverReturns listed in {@code noreturn.yml}: control does not come back from the call
 */
public record FunctionInfo(String name, FunctionKind kind, String category, String reason, boolean searchesPath,
                           boolean neverReturns) {

    public static FunctionInfo unknown(String name) {
        return new FunctionInfo(name, FunctionKind.UNKNOWN, null, null, false, false);
    }

    FunctionInfo withNeverReturns() {
        return new FunctionInfo(name, kind, category, reason, searchesPath, true);
    }

    /** Whether a path ends at a call to it. */
    public boolean endsPath() {
        return neverReturns || kind.terminates();
    }

    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionInfo other
                && searchesPath == other.searchesPath
                && neverReturns == other.neverReturns
                && Objects.equals(name, other.name)
                && Objects.equals(kind, other.kind)
                && Objects.equals(category, other.category)
                && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(name);
        h = 31 * h + Objects.hashCode(kind);
        h = 31 * h + Objects.hashCode(category);
        h = 31 * h + Objects.hashCode(reason);
        h = 31 * h + Boolean.hashCode(searchesPath);
        h = 31 * h + Boolean.hashCode(neverReturns);
        return h;
    }
}
