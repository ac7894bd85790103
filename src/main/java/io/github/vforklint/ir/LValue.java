package io.github.vforklint.ir;

/**
 * The target of a write, reduced to the variable it is rooted at and how it is reached.
 *
 * @param base    the variable the access starts from, or null when it starts from something that
 *                is not a variable (a call result, a cast of an integer...)
 * @param text    the lvalue as written in the source, for messages
 * @param path    the spelling that {@link Expr.Member} uses for the same place: no blanks, no
 *                outer parentheses
 * @param pointer for {@link Access#THROUGH_POINTER}, the pointer value that is dereferenced
 *                ({@code p} in {@code *p}, {@code p->f}, {@code p[i]}; {@code strchr(s, c)} in
 *                {@code *strchr(s, c)}); null otherwise, or when it is not known
 */
public record LValue(Variable base, Access access, String text, String path, Expr pointer) {

    public LValue(Variable base, Access access, String text) {
        this(base, access, text, normalise(text), null);
    }

    public LValue(Variable base, Access access, String text, Expr pointer) {
        this(base, access, text, normalise(text), pointer);
    }

    public static String normalise(String spelling) {
        String s = spelling.replaceAll("\\s+", "");
        while (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** How the written memory relates to {@code base}. */
    public enum Access {
        /** The variable itself. */
        DIRECT,
        /** An element or member stored inside the variable ({@code a[i]} on an array, {@code s.f}). */
        WITHIN,
        /** Memory the variable points to ({@code *p}, {@code p->f}, {@code p[i]} on a pointer). */
        THROUGH_POINTER
    }
}
