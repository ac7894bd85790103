package io.github.vforklint.finding;

import java.util.Comparator;

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
}
