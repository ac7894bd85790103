package io.github.vforklint.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShellWordsTest {

    @Test
    void splitsLikeAShellWithoutExpansion() {
        assertEquals(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"),
                ShellWords.split("  qemu-aarch64 -L /usr/aarch64-linux-gnu "));
        assertEquals(List.of("cc", "-DNAME=\"a b\"", "-I", "my dir", "$HOME", "x\\y", "it's"),
                ShellWords.split("cc '-DNAME=\"a b\"' -I my\\ dir '$HOME' \"x\\\\y\" it\\'s"));
        assertEquals(List.of("cc", "-DQ=\"q\""), ShellWords.split("cc -DQ=\\\"q\\\""));
        assertEquals(List.of("a b", ""), ShellWords.split("\"a b\" ''"));
        assertEquals(List.of(), ShellWords.split(null));
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("valgrind '--tool=none"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("cc \"-DX"));
    }

    @Test
    void joinQuotesOnlyWhatNeedsIt() {
        assertEquals("valgrind -q '/tmp/a b/probe' 'it'\\''s'", ShellWords.join(List.of("valgrind", "-q", "/tmp/a b/probe", "it's")));
    }
}
