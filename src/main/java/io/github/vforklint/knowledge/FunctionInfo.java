package io.github.vforklint.knowledge;

/**
 * One function as the catalogue knows it.
 *
 * @param category for {@link FunctionKind#UNSAFE}, the category id from {@code unsafe.yml}
 * @param reason   for {@link FunctionKind#UNSAFE}, why it is unsafe, completing "{callee}() in the vfork child ..."
 */
public record FunctionInfo(String name, FunctionKind kind, String category, String reason, boolean searchesPath) {

    public static FunctionInfo unknown(String name) {
        return new FunctionInfo(name, FunctionKind.UNKNOWN, null, null, false);
    }
}
