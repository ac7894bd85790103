package io.github.vforklint.config;

import java.util.regex.Pattern;

/** What -D and {@code defines:} accept as a macro name: an identifier, optionally with a parameter list. */
public final class MacroNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*(\\(.*\\))?");

    private MacroNames() {
    }

    public static boolean valid(String name) {
        return NAME.matcher(name).matches();
    }
}
