package io.github.vforklint.frontend.c;

import java.util.List;

/**
 * Whether a header stops any build that reads it: an {@code #error} outside every conditional
 * but its include guard. Such a file (the kernel's {@code usr/dummy-include/stdbool.h}, there to
 * keep exported headers from including it) is no stand-in for a system header, whatever its name.
 */
final class HeaderRefusal {

    private HeaderRefusal() {
    }

    /** @param directives the text's directives, as {@link Directives#in} finds them */
    static boolean refuses(char[] text, List<Directives.Directive> directives) {
        boolean guarded = directives.size() >= 2 && directives.get(0).kind() == Directives.Kind.IFNDEF
                && directives.get(1).kind() == Directives.Kind.DEFINE
                && directives.get(0).name().equals(directives.get(1).name());
        int depth = 0;
        for (Directives.Directive d : directives) {
            switch (d.kind()) {
                case IF, IFDEF, IFNDEF -> depth++;
                case ENDIF -> depth--;
                case OTHER -> {
                    if (depth <= (guarded ? 1 : 0) && isError(text, d)) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    private static boolean isError(char[] text, Directives.Directive d) {
        String line = new String(text, d.start(), d.end() - d.start()).strip();
        return line.matches("#\\s*error\\b.*");
    }
}
