package io.github.vforklint.finding;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something about the scan rather than the code: a file that did not parse cleanly, a missing
 * header, a configuration that changes what counts as vfork.
 *
 * @param line 0 when the diagnostic is about the whole file
 */
public record Diagnostic(String path, int line, Kind kind, String message) {

    /** Whether the analysis of the file is known to be incomplete (exit code 3) or just worth saying. */
    public enum Kind { INCOMPLETE, INFO }

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparing(Diagnostic::message);

    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof Diagnostic other
                && line == other.line
                && Objects.equals(path, other.path)
                && Objects.equals(kind, other.kind)
                && Objects.equals(message, other.message);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(path);
        h = 31 * h + line;
        h = 31 * h + Objects.hashCode(kind);
        h = 31 * h + Objects.hashCode(message);
        return h;
    }
}
