package io.github.vforklint.finding;

import java.util.Objects;

/**
 * A span in a source file, 1-based, end column exclusive (SARIF's convention). When the code
 * came from a macro expansion, the span is the macro's use in the user's file and {@code macro}
 * names it.
 */
public record Location(String path, int line, int column, int endLine, int endColumn, String macro) {

    public Location {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("locations are 1-based: " + path + ":" + line + ":" + column);
        }
    }

    public static Location of(String path, int line, int column) {
        return new Location(path, line, column, line, column, null);
    }

    public Location withMacro(String macroName) {
        return new Location(path, line, column, endLine, endColumn, macroName);
    }

    /**
     * Path, then zero-padded line and column: keys that sort locations among other things sort
     * them in file order (line 9 before line 10).
     */
    public String sortKey() {
        StringBuilder key = new StringBuilder(path.length() + 20).append(path).append(':');
        pad(key, line);
        key.append(':');
        pad(key, column);
        return key.toString();
    }

    private static void pad(StringBuilder key, int n) {
        String digits = Integer.toString(n);
        for (int i = digits.length(); i < 9; i++) {
            key.append('0');
        }
        key.append(digits);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }

    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof Location other
                && line == other.line
                && column == other.column
                && endLine == other.endLine
                && endColumn == other.endColumn
                && Objects.equals(path, other.path)
                && Objects.equals(macro, other.macro);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(path);
        h = 31 * h + line;
        h = 31 * h + column;
        h = 31 * h + endLine;
        h = 31 * h + endColumn;
        h = 31 * h + Objects.hashCode(macro);
        return h;
    }
}
