package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The noreturn spellings a file names, found as whole words, and asked about by range. */
class TextFactsTest {

    private static final Set<String> SPELLINGS = Set.of("NORETURN", "__dead", "ATTRIBUTE_NORETURN");

    @Test
    void wordsAreFoundWholeAndInOrder() {
        String text = "void die(void) NORETURN;\nNORETURNS x; __dead2 y; int __dead z;\n/* ATTRIBUTE_NORETURN */ _NORETURN";
        TextFacts.Occurrences found = TextFacts.wordsIn(text.toCharArray(), SPELLINGS);
        assertArrayEquals(new int[] {text.indexOf("NORETURN;"), text.indexOf("__dead z"), text.indexOf("ATTRIBUTE_NORETURN")},
                found.offsets());
        assertArrayEquals(new String[] {"NORETURN", "__dead", "ATTRIBUTE_NORETURN"}, found.words());
    }

    @Test
    void aRangeHoldsAWordOnlyWhenTheWordStartsInIt() {
        String text = "a NORETURN b __dead c";
        TextFacts.Occurrences found = TextFacts.wordsIn(text.toCharArray(), SPELLINGS);
        int at = text.indexOf("NORETURN");
        assertTrue(found.anyIn(at, at + 1, SPELLINGS));
        assertTrue(found.anyIn(0, text.length(), Set.of("__dead")));
        assertFalse(found.anyIn(0, at, SPELLINGS), "the range ends where the word begins");
        assertFalse(found.anyIn(at + 1, text.indexOf("__dead"), SPELLINGS));
        assertFalse(found.anyIn(0, text.length(), Set.of("ATTRIBUTE_NORETURN")), "a word the file does not name");
    }

    @Test
    void aFileNamingNoneSharesTheEmptyAnswer() {
        assertSame(TextFacts.Occurrences.NONE, TextFacts.wordsIn("int main(void) { return 0; }".toCharArray(), SPELLINGS));
        assertFalse(TextFacts.Occurrences.NONE.anyIn(0, 100, SPELLINGS));
    }
}
