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
 * which is what Java strings, CDT offsets and SARIF's default column kind all use. A line ends at
 * LF, CR LF or a lone CR (old Mac files); a lone CR is turned into LF, in place, so that the
 * parser sees the same lines and every offset stays put.
 */
public final class SourceText {

    /** The most a file may hold to be read at all: the tree index's limit. */
    public static final long MAX_BYTES = SourceTree.Limits.defaults().maxFileBytes();

    private final char[] chars;
    private final int[] lineStarts;
    /** See {@link #frontEndForm}. */
    private volatile Object frontEndForm;

    public SourceText(char[] chars) {
        this.chars = withLoneCarriageReturnsAsNewlines(chars);
        this.lineStarts = indexLines(this.chars);
    }

    /**
     * Reads a regular file of at most {@link #MAX_BYTES}: UTF-16 when it starts with a UTF-16 byte
     * order mark, else UTF-8, falling back to ISO-8859-1 for legacy encodings (C trees still hold
     * Latin-1 comments, and a scan must not fail on them). A byte order mark is not part of the text.
     *
     * @throws IOException also for a file that is not regular or is too large
     */
    public static SourceText read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file (a device, FIFO or socket is never read)");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + (MAX_BYTES >> 20) + " MiB, the most vforklint reads");
        }
        return new SourceText(decode(Files.readAllBytes(file)));
    }

    static char[] decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE).toCharArray();
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE).toCharArray();
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString().toCharArray();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1).toCharArray();
        }
    }

    /**
     * A UTF-16 file's bytes as UTF-8, so that byte-level passes see its words; null for any other
     * file, whose bytes already spell words in ASCII.
     */
    static byte[] utf16AsUtf8(byte[] bytes, int length) {
        boolean little = length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe;
        boolean big = length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff;
        if (!little && !big) {
            return null;
        }
        return new String(bytes, 2, length - 2, little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static char[] withLoneCarriageReturnsAsNewlines(char[] chars) {
        char[] result = chars;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) {
                if (result == chars) {
                    result = chars.clone();
                }
                result[i] = '\n';
            }
        }
        return result;
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

    /**
     * What a front end made of these characters, made once and kept as long as this text is:
     * CDT works out a hash of every header a parse includes, and a header a hundred units
     * include would otherwise be hashed a hundred times. Two threads asking at once may both
     * make one; either is kept.
     */
    public <T> T frontEndForm(Class<T> type, java.util.function.Function<char[], T> make) {
        Object form = frontEndForm;
        if (type.isInstance(form)) {
            return type.cast(form);
        }
        T made = make.apply(chars);
        frontEndForm = made;
        return made;
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
