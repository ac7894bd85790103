package io.github.vforklint.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceTextTest {

    @TempDir
    Path dir;

    @Test
    void everyLineEndingEndsALine() {
        SourceText text = new SourceText("a\nb\r\nc\rd".toCharArray());
        assertEquals(4, text.lineOf(text.chars().length - 1));
        assertEquals(List.of("a", "b", "c", "d"), List.of(text.line(1), text.line(2), text.line(3), text.line(4)));
        assertEquals(3, text.lineOf(5));
        assertEquals(1, text.columnOf(5));
        assertEquals('\n', text.chars()[6], "a lone carriage return reads as a newline, at the same offset");
    }

    @Test
    void utf16FilesAreDecodedByTheirByteOrderMark() throws IOException {
        for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
            Path file = dir.resolve(charset.name() + ".c");
            byte[] body = "int x; /* é */\nvfork();\n".getBytes(charset);
            byte[] bytes = charset == StandardCharsets.UTF_16LE ? concat(new byte[]{(byte) 0xff, (byte) 0xfe}, body) : body;
            Files.write(file, bytes);
            SourceText text = SourceText.read(file);
            assertEquals("int x; /* é */\nvfork();\n", new String(text.chars()));
            assertEquals("vfork();", text.line(2));
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsNotText() throws IOException {
        Path file = dir.resolve("bom.c");
        Files.write(file, concat(new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "vfork();".getBytes(StandardCharsets.UTF_8)));
        assertEquals("vfork();", SourceText.read(file).line(1));
    }

    @Test
    void latin1IsReadWhenTheBytesAreNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.c");
        Files.write(file, "/* caf\u00e9 */".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("/* caf\u00e9 */", SourceText.read(file).line(1));
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        Path fifo = dir.resolve("pipe.h");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        IOException e = assertThrows(IOException.class, () -> SourceText.read(fifo));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void theTreeFindsWordsInUtf16Files() throws IOException {
        Files.write(dir.resolve("wide.c"), "pid_t p = vfork();\n".getBytes(StandardCharsets.UTF_16));
        SourceTree tree = SourceTree.build(List.of(dir), new SourceTree.Selection(p -> true, p -> false, p -> true),
                SourceTree.Limits.defaults(), 1);
        assertEquals(1, tree.mentioning(List.of("vfork")).size());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
