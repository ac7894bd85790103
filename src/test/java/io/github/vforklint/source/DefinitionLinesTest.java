package io.github.vforklint.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefinitionLinesTest {

    private static long defined(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return DefinitionLines.definedName(bytes, bytes.length, 0);
    }

    @Test
    void aNameInBracketsBeforeItsParametersIsDefined() {
        // Emacs' lisp.h: INLINE bool\n(CONSP) (Lisp_Object x)\n{ ... }
        assertEquals(DefinitionLines.hash("CONSP"), defined("(CONSP) (Lisp_Object x)\n{\n  return 1;\n}\n"));
        assertEquals(DefinitionLines.hash("f"), defined("static int f (int x)\n{\n}\n"));
    }

    @Test
    void bracketedExpressionsAndDeclarationsAreNot() {
        assertEquals(0, defined("(CONSP) (x);\n"));
        assertEquals(0, defined("(void) close(fd);\n"));
        assertEquals(0, defined("(while) (x) {\n"));
    }
}
