package io.github.vforklint.frontend.c;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A parse leaves out the header functions nothing in its unit names, and reads the same as a
 * parse that keeps them wherever the unit does name them.
 */
class HeaderPruningTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static Event.Call call(FunctionBody body, String callee) {
        return body.nodes().stream().flatMap(n -> n.events().stream())
                .filter(e -> e instanceof Event.Call c && callee.equals(c.callee())).map(Event.Call.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void onlyWhatTheUnitNamesIsRead() throws Exception {
        write("include/lib.h", """
                #include "inner.h"
                void die(const char *why) __attribute__ ((noreturn));
                int used(int);
                int unused_one(int);
                static inline int unused_two(void) { return unused_one(2); }
                """);
        write("include/inner.h", """
                #define FAIL(why) die(why)
                """);
        Path main = write("main.c", """
                #include "lib.h"
                int f(int x) { if (x) FAIL("x"); return used(x); }
                """);
        String lib = dir.resolve("include/lib.h").toString();
        CParser parser = new CParser(p -> Path.of(p).getFileName().toString());
        ParseSettings settings = new ParseSettings(List.of(dir.resolve("include")), List.of(), Map.of(), List.of(),
                List.of(), List.of());

        HeaderPruning plan = HeaderPruning.plan(new HeaderPruning.Includes(parser.facts(), null), main.toString(), List.of(),
                List.of(dir.resolve("include")), List.of());
        int[] leftOut = plan.leftOut(lib);
        String text = Files.readString(Path.of(lib));
        assertEquals(List.of("static inline int unused_two(void) { return unused_one(2); }"),
                List.of(text.substring(leftOut[0], leftOut[1])),
                "die() is named by a macro of inner.h, used() by main.c, unused_one() by the header itself");

        CUnit unit = parser.parse(main, settings);
        FunctionBody f = unit.function("f").orElseThrow();
        assertTrue(call(f, "die").declaredNoReturn(), "the declaration a macro reaches is read");
        assertTrue(unit.parsedChars() < Files.size(main) + text.length() + Files.size(dir.resolve("include/inner.h")));
    }

    @Test
    void aHeaderNoIncludeSpellsThatNamesWhatWasLeftOutMakesTheParseWhole() throws Exception {
        write("lib.h", """
                void die(const char *why) __attribute__ ((noreturn));
                """);
        write("late.h", """
                #define FAIL(why) die(why)
                """);
        Path main = write("main.c", """
                #include "lib.h"
                #include LATE
                int f(int x) { if (x) FAIL("x"); return x; }
                """);
        CParser parser = new CParser(p -> Path.of(p).getFileName().toString());
        ParseSettings settings = new ParseSettings(List.of(), List.of(), Map.of("LATE", "\"late.h\""), List.of(),
                List.of(), List.of());

        CUnit unit = parser.parse(main, settings);

        assertTrue(call(unit.function("f").orElseThrow(), "die").declaredNoReturn(),
                "late.h names die(), which lib.h's pruned text had left out: the unit is parsed again whole");
    }
}
