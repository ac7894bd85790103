package io.github.vforklint.frontend.java;

import io.github.vforklint.finding.Location;
import io.github.vforklint.source.SourceText;

import java.nio.file.Path;

/**
 * One file the JVM front end reads: its text, the name findings show, and exact locations for
 * offsets, lines and columns. Readers find a value in a decoded token (an XML text node, a YAML
 * scalar, a shell word) and then locate it in the raw text from where the token starts, so the
 * location is the value's own, not the token's.
 */
final class JvmFile {

    private final Path path;
    private final String shown;
    private final SourceText text;
    private final String chars;
    private final int[] lineStarts;

    JvmFile(Path path, String shown, SourceText text) {
        this.path = path;
        this.shown = shown;
        this.text = text;
        this.chars = new String(text.chars());
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        starts.add(0);
        for (int i = 0; i < chars.length(); i++) {
            if (chars.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    Path path() {
        return path;
    }

    String shown() {
        return shown;
    }

    String fileName() {
        return String.valueOf(path.getFileName());
    }

    String chars() {
        return chars;
    }

    /** The offset of a 1-based line and column, clamped to the text. */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return chars.length();
        }
        return Math.min(chars.length(), lineStarts[line - 1] + Math.max(0, column - 1));
    }

    /** The span [start, end) as a location. */
    Location span(int start, int end) {
        return new Location(shown, text.lineOf(start), text.columnOf(start), text.lineOf(end), text.columnOf(end), null);
    }

    /**
     * Where {@code needle} first appears at or after {@code from}, as a span; the span of the
     * token itself ({@code from}, one character) when the raw text spells it differently (an XML
     * entity, a shell escape).
     */
    Location locate(int from, String needle) {
        int at = chars.indexOf(needle, Math.max(0, from));
        return at < 0 ? span(from, Math.min(chars.length(), from + 1)) : span(at, at + needle.length());
    }

    /** Like {@link #locate}, but the offset, or -1. */
    int find(int from, String needle) {
        return chars.indexOf(needle, Math.max(0, from));
    }

    /** Where a needle was found, and where the search for the next one starts. */
    record Found(Location at, int after) {
    }

    /**
     * {@link #locate} for options read one after another: the next search starts just past this
     * one, or where this one started when the text spells the option differently (an escape).
     */
    Found next(int from, String needle) {
        int at = find(from, needle);
        return new Found(locate(from, needle), at < 0 ? from : at + 1);
    }
}
