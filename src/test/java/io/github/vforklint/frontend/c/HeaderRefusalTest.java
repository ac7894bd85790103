package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderRefusalTest {

    private static boolean refuses(String header) {
        char[] text = header.toCharArray();
        return HeaderRefusal.refuses(text, Directives.in(text));
    }

    @Test
    void anErrorOutsideEveryConditionalButTheGuardStopsTheBuild() {
        assertTrue(refuses("#ifndef _STDBOOL_H\n#define _STDBOOL_H\n\n#error \"no\"\n\n#endif\n"));
        assertTrue(refuses("/* x */\n#  error not here\n"));
    }

    @Test
    void anErrorUnderAConditionOfItsOwnDoesNot() {
        assertFalse(refuses("#ifndef H\n#define H\n#if !defined(__linux__)\n#error linux only\n#endif\nint x;\n#endif\n"));
        assertFalse(refuses("#ifdef _WIN32\n#error no\n#endif\n"));
        assertFalse(refuses("#pragma once\nint errors;\n"));
    }
}
