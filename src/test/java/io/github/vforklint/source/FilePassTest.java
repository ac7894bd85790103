package io.github.vforklint.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FilePassTest {

    @TempDir
    Path dir;

    private static final WordSearch VFORK = new WordSearch(List.of(WordSearch.Word.exact("vfork")));

    @Test
    void aFileAfterALargerUtf16FileIsReadWhole() throws Exception {
        // UTF-16 text grows as UTF-8 (three bytes for two): the thread's array then outgrows its
        // read buffer, and the next file, larger than that buffer, must still be read to its end.
        Path utf16 = dir.resolve("wide.c");
        byte[] text = "\u4e00".repeat(89_000).getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[text.length + 2];
        withMark[0] = (byte) 0xff;
        withMark[1] = (byte) 0xfe;
        System.arraycopy(text, 0, withMark, 2, text.length);
        Files.write(utf16, withMark);
        Path ascii = dir.resolve("narrow.c");
        Files.writeString(ascii, "x".repeat(190_000) + "\nvfork();\n");
        SourceTree.Limits limits = new SourceTree.Limits(200_000);

        ForkJoinPool one = FilePass.newPool(1);
        try {
            FilePass.Scanned second = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> one.submit(() -> {
                FilePass.scan(utf16, VFORK, true, limits);
                return FilePass.scan(ascii, VFORK, true, limits);
            }).get(), "reading the second file never ended");
            assertNull(second.problem());
            assertEquals(1L, second.found()[0]);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aFileOverTheLimitIsNotRead() throws IOException {
        Path big = dir.resolve("big.c");
        Files.writeString(big, "vfork();\n" + "x".repeat(4096));
        FilePass.Scanned s = FilePass.scan(big, VFORK, false, new SourceTree.Limits(1024));
        assertNull(s.found());
        assertEquals("larger than 1024 bytes; skipped", s.problem());
    }
}
