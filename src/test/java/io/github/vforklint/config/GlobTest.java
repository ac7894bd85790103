package io.github.vforklint.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GlobTest {

    private static final Path BASE = Path.of("/work/tree");

    /** The same answers as the JDK's glob matcher, which defined the syntax before. */
    @Test
    void matchesAsTheJdkGlobMatcherDoes() {
        List<String> globs = List.of("*.c", "**.c", "src/**", "src/*/x.c", "**/third_party/**", "?.h", "[ab].c",
                "[!ab].c", "[a-c]*.h", "{lib,src}/**.c", "x\\*.c", "a.b", "*_test.c", "src/{a,b,}*", "**",
                "(x)|y+.c", "\\[x].c", "{a}");
        List<String> paths = List.of("a.c", "b.c", "d.c", "src/a.c", "src/lib/x.c", "src/lib/deep/x.c",
                "lib/third_party/z/q.c", "x.h", "ab.h", "c1.h", "lib/m.c", "x*.c", "xy.c", "aXb", "a.b", "u_test.c",
                "src/a", "src/c", "(x)|y+.c", "[x].c", "a", "].c", "", "/");
        for (String glob : globs) {
            var jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Glob ours = new Glob(BASE, glob);
            for (String p : paths) {
                Path relative = Path.of(p);
                boolean expected = jdk.matches(relative) || (relative.getFileName() != null
                        && jdk.matches(relative.getFileName()));
                assertEquals(expected, ours.matches(BASE.resolve(p)), glob + " on " + p);
            }
        }
    }

    @Test
    void badGlobsAreRefused() {
        for (String glob : List.of("{a,{b}}", "{a", "[a", "[a/b]", "x\\", "[z-a]", "[]].c")) {
            assertThrows(IllegalArgumentException.class, () -> new Glob(BASE, glob), glob);
        }
    }

    /** A hang guard: the JDK's matcher backtracks for minutes on this glob and path. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostileGlobIsMatchedInLinearTime() {
        Glob g = new Glob(BASE, "**a".repeat(40) + "**b");
        assertFalse(g.matches(BASE.resolve("a".repeat(200) + "/" + "a".repeat(200) + ".c")));
    }
}
