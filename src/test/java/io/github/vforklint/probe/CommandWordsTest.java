package io.github.vforklint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandWordsTest {
    @Test
    void splitsLikeAShell() throws ProbeException {
        assertEquals(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"),
                CommandWords.split("  qemu-aarch64 -L /usr/aarch64-linux-gnu "));
        assertEquals(List.of("gcc", "-DNAME=\"a b\"", "it's"), CommandWords.split("gcc '-DNAME=\"a b\"' it\\'s"));
        assertEquals(List.of("a b", ""), CommandWords.split("\"a b\" ''"));
        assertEquals(List.of(), CommandWords.split(null));
    }

    @Test
    void unbalancedQuoteIsAUsageError() {
        ProbeException e = assertThrows(ProbeException.class, () -> CommandWords.split("valgrind '--tool=none"));
        assertEquals(io.github.vforklint.cli.ExitCode.USAGE, e.exitCode());
    }

    @Test
    void joinQuotesOnlyWhatNeedsIt() {
        assertEquals("valgrind -q '/tmp/a b/probe' 'it'\\''s'", CommandWords.join(List.of("valgrind", "-q", "/tmp/a b/probe", "it's")));
    }
}
