package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForeignPlatformsTest {

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
