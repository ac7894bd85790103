package io.github.vforklint.suppress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckGlobTest {

    @Test
    void starsMatchAnyRunIgnoringCase() {
        assertTrue(new CheckGlob("vforklint-*").matches("vforklint-VFK101"));
        assertTrue(new CheckGlob("VFORKLINT-vfk10*").matches("vforklint-VFK101"));
        assertTrue(new CheckGlob("*").matches(""));
        assertTrue(new CheckGlob("v*k*t-*1").matches("vforklint-VFK101"));
        assertTrue(new CheckGlob("vforklint-unsafe-call").matches("vforklint-unsafe-call"));
        assertFalse(new CheckGlob("vforklint-VFK10").matches("vforklint-VFK101"), "no implicit trailing star");
        assertFalse(new CheckGlob("vforklint-*z").matches("vforklint-VFK101"));
        assertFalse(new CheckGlob("*VFK2*").matches("vforklint-VFK101"));
    }

    /** A hang guard: 64 stars before a letter that is not there took a backtracking regex past any patience. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyStarsBeforeAMismatchStayLinear() {
        assertFalse(new CheckGlob("vforklint-" + "*".repeat(64) + "z").matches("vforklint-" + "a".repeat(40)));
        assertFalse(new CheckGlob("*a".repeat(5000) + "z").matches("a".repeat(10_000)));
        assertTrue(new CheckGlob("*a".repeat(5000)).matches("a".repeat(10_000)));
    }

    @Test
    void nolintMarkerIsTheFirstWithAClosedList() {
        NolintMarker m = NolintMarker.find(" see NOLINT for why; NOLINTNEXTLINE(vforklint-VFK101): reason");
        assertEquals("NEXTLINE", m.kind());
        assertEquals("vforklint-VFK101", m.checks());
        assertEquals(": reason", m.rest());
        assertEquals("BEGIN", NolintMarker.find("NOLINTBEGIN(a)").kind());
        assertEquals("", NolintMarker.find("NOLINT(a,b)").kind());
        assertNull(NolintMarker.find("XNOLINT(a)"), "NOLINT must start a word");
        assertNull(NolintMarker.find("NOLINTBEGINX(a)"));
        assertNull(NolintMarker.find("NOLINT(a"), "an unclosed list is no marker");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyUnclosedMarkersStayLinear() {
        assertNull(NolintMarker.find("NOLINT(".repeat(200_000)));
        assertNull(NolintMarker.find("NOLINT".repeat(200_000)));
    }
}
