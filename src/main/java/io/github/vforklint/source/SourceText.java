package io.github.vforklint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file's characters with an index of line starts. Columns are counted in UTF-16 code units,
 * which is what Java strings, CDT offsets and SARIF's default column kind all use.
 */
public final class SourceText {

    private final char[] chars;
    private final int[] lineStarts;

    public SourceText(char[] chars) {
        this.chars = chars;
        this.lineStarts = indexLines(chars);
    }

    /**
     * Reads a file as UTF-8, falling back to ISO-8859-1 for legacy encodings: C trees still hold
     * Latin-1 comments, and a scan must not fail on them.
     */
    public static SourceText read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return new SourceText(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().toCharArray());
        } catch (CharacterCodingException e) {
            return new SourceText(new String(bytes, StandardCharsets.ISO_8859_1).toCharArray());
        }
    }

    private static int[] indexLines(char[] chars) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public char[] chars() {
        return chars;
    }

    /** 1-based line of an offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, clamp(offset));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of an offset. */
    public int columnOf(int offset) {
        int clamped = clamp(offset);
        return clamped - lineStarts[lineOf(clamped) - 1] + 1;
    }

    /** The text of a 1-based line without its line terminator. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : chars.length;
        if (end > start && chars[end - 1] == '\r') {
            end--;
        }
        return new String(chars, start, Math.max(0, end - start));
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, chars.length));
    }
}
