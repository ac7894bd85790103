package io.github.vforklint.knowledge;

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
}
