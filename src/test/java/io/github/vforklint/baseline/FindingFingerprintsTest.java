package io.github.vforklint.baseline;

import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.finding.Location;
import io.github.vforklint.source.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FindingFingerprintsTest {

    @TempDir
    Path temp;

    private String fingerprint(String code, String rule, int line) throws Exception {
        Path file = temp.resolve("a.c");
        Files.writeString(file, code);
        Finding f = new Finding(rule, "name", Severity.ERROR, new Location("a.c", line, 5, line, 10, null), "message",
                null, List.of());
        return new FindingFingerprints(new ProjectPaths(temp, temp)).of(f);
    }

    private static final String CODE = """
            static void helper(void)
            {
                printf("x\\n");
            }
            void other(void) {
                printf("x\\n");
            }
            """;

    @Test
    void linesAddedAboveLeaveItAlone() throws Exception {
        String before = fingerprint(CODE, "VFK101", 3);
        assertEquals(before, fingerprint("#include <stdio.h>\n\n/* new comment */\n" + CODE, "VFK101", 6));
    }

    @Test
    void reformattingAndCommentsOnTheLineLeaveItAlone() throws Exception {
        String before = fingerprint(CODE, "VFK101", 3);
        String reformatted = CODE.replace("    printf(\"x\\n\");", "\tprintf ( \"x\\n\" ) ; /* vforklint-disable-line VFK101 */");
        assertEquals(before, fingerprint(reformatted, "VFK101", 3));
    }

    @Test
    void theFunctionRuleAndStringContentsTellFindingsApart() throws Exception {
        String inHelper = fingerprint(CODE, "VFK101", 3);
        assertNotEquals(inHelper, fingerprint(CODE, "VFK101", 6), "same statement, other function");
        assertNotEquals(inHelper, fingerprint(CODE, "VFK106", 3), "same place, other rule");
        assertNotEquals(inHelper, fingerprint(CODE.replace("\"x\\n\"", "\"x \\n\""), "VFK101", 3),
                "whitespace inside a string literal is code");
    }

    @Test
    void enclosingFunctionsAreFoundFromTheText() {
        SourceText text = new SourceText("""
                #define X(a) { a }
                struct s { int f; };
                static int table[] = { 1, 2 };
                static __attribute__((noinline)) int first(int a)
                {
                    if (a) { return "}"[0]; }   /* } */
                    return 0;
                }
                void second(void) __attribute__((noreturn));
                void second(void) __attribute__((noreturn)) {
                    for (;;) ;
                }
                """.toCharArray());
        EnclosingFunctions functions = EnclosingFunctions.of(text);
        assertEquals("", functions.at(2));
        assertEquals("", functions.at(3));
        assertEquals("first", functions.at(6));
        assertEquals("first", functions.at(8));
        assertEquals("", functions.at(9));
        assertEquals("second", functions.at(11));
    }
}
