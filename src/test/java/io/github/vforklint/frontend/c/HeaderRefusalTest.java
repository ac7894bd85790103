package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderRefusalTest {

    @Test
    void anErrorOutsideEveryConditionalButTheGuardStopsTheBuild() {
        assertTrue(HeaderRefusal.refuses("#ifndef _STDBOOL_H\n#define _STDBOOL_H\n\n#error \"no\"\n\n#endif\n".toCharArray()));
        assertTrue(HeaderRefusal.refuses("/* x */\n#  error not here\n".toCharArray()));
    }

    @Test
    void anErrorUnderAConditionOfItsOwnDoesNot() {
        assertFalse(HeaderRefusal.refuses("#ifndef H\n#define H\n#if !defined(__linux__)\n#error linux only\n#endif\nint x;\n#endif\n"
                .toCharArray()));
        assertFalse(HeaderRefusal.refuses("#ifdef _WIN32\n#error no\n#endif\n".toCharArray()));
        assertFalse(HeaderRefusal.refuses("#pragma once\nint errors;\n".toCharArray()));
    }

    @Test
    void aFileIsForeignByTheWordsOfItsPathPastTheFoldersItSharesWithTheAskingFile() {
        ForeignPlatforms platforms = new ForeignPlatforms(Set.of("win32", "nt"), Set.of("arc", "alpha"));
        Path folder = Path.of("/t/src");
        assertTrue(platforms.foreign(folder, Path.of("/t/win32/signal.h")));
        assertTrue(platforms.foreign(folder, Path.of("/t/Python/thread_nt.h")));
        assertTrue(platforms.foreign(folder, Path.of("/t/sysdeps/arc/sigaction.c")));
        assertFalse(platforms.foreign(folder, Path.of("/t/include/signal.h")));
        assertFalse(platforms.foreign(folder, Path.of("/t/src/print.c")), "a word, not a part of one");
        // a processor is named by a folder, not by a file about alpha blending
        assertFalse(platforms.foreign(folder, Path.of("/t/include/alpha.h")));
        assertTrue(platforms.foreign(folder, Path.of("/t/arch/alpha/include/asm/io.h")));
        // code for that platform asks for its own headers
        assertFalse(platforms.foreign(Path.of("/t/win32"), Path.of("/t/win32/sys/stat.h")));
        assertFalse(platforms.foreign(Path.of("/t/win32/tools"), Path.of("/t/include/win32/io.h")));
        // a folder both share says nothing
        assertFalse(platforms.foreign(Path.of("/nt/src"), Path.of("/nt/include/signal.h")));
    }
}
