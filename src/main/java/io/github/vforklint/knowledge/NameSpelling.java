package io.github.vforklint.knowledge;

/** What C code's spelling of a name says it is, when nothing declares it. */
public final class NameSpelling {

    private NameSpelling() {
    }

    /**
     * Capitals, digits and underscores, with at least one letter ({@code ARRAY_SIZE}, {@code IF_X}):
     * how C macros are spelled.
     */
    public static boolean capitalised(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            letter |= c >= 'A' && c <= 'Z';
        }
        return letter;
    }

    /**
     * A capital first ({@code BINDIR}, {@code PRIu64}), or an underscore and a capital or another
     * underscore ({@code _PATH_BSHELL}): macros are so spelled, variables rarely.
     */
    public static boolean startsLikeAMacro(String name) {
        char first = name.charAt(0);
        return first >= 'A' && first <= 'Z'
                || first == '_' && name.length() > 1 && (name.charAt(1) == '_' || name.charAt(1) >= 'A' && name.charAt(1) <= 'Z');
    }

    /** Reserved to the C library and the compiler (C11 7.1.3): {@code __dup2}, {@code __attribute__}. */
    public static boolean reserved(String name) {
        return name.startsWith("__");
    }
}
