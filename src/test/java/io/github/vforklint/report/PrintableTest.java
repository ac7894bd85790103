package io.github.vforklint.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PrintableTest {

    @Test
    void controlCharactersAndUndecodableBytesAreEscaped() {
        assertEquals("a\\nb\\x1b[31m\\r\\t.c", Printable.escape("a\nb\u001b[31m\r\t.c"));
        assertEquals("bad\\u{fffd}.c", Printable.escape("bad\ufffd.c"));
        assertEquals("\\x7f\\x85", Printable.escape("\u007f\u0085"));
        assertEquals("x\\u{d800}", Printable.escape("x\ud800"));
    }

    @Test
    void ordinaryTextIsReturnedAsItIs() {
        String text = "src/é ü/😀 file:1.c";
        assertSame(text, Printable.escape(text));
    }

    @Test
    void relativeUrisEncodeEverythingButUnreservedCharactersAndSlashes() {
        assertEquals("e%20f%3Ag.c", SarifReport.relativeUri("e f:g.c"));
        assertEquals("src/a%25b%23c%3Fd%0A.c", SarifReport.relativeUri("src/a%b#c?d\n.c"));
        assertEquals("%C3%A9-_.~/x", SarifReport.relativeUri("é-_.~/x"));
    }
}
