package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Integer literals in #if read as the code's literals are ({@link ConstantFolding#parseInteger}). */
class ConditionNumbersTest {

    private static Long value(String condition) {
        return Condition.parse(condition).evaluate(name -> null, 0);
    }

    @Test
    void everySpellingOfANumberHasItsValue() {
        assertEquals(16L, value("0x10"));
        assertEquals(16L, value("0X10UL"));
        assertEquals(5L, value("0b101"));
        assertEquals(8L, value("010"));
        assertEquals(0L, value("0"));
        assertEquals(-1L, value("18446744073709551615ULL"), "the bits of the largest unsigned long long");
    }

    @Test
    void somethingElseIsUnknown() {
        assertNull(value("08"), "not an octal number");
        assertNull(value("1.5"));
    }
}
