package io.github.vforklint.report;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.finding.Location;
import io.github.vforklint.scan.ScanResult;

import java.io.IOException;
import java.io.Writer;

/**
 * gcc-style text: {@code path:line:col: error: message [VFK101 unsafe-call]}, the source line with
 * a caret under the offending code, then notes at the vfork call and along the call chain, so
 * editors and CI problem matchers pick it up as they do compiler output.
 */
final class TextReport implements Report {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";

    private final SourceLines sources;
    private final boolean color;

    TextReport(SourceLines sources, boolean color) {
        this.sources = sources;
        this.color = color;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            out.write(headline(f.location(), f.severity().label(), levelColor(f.severity()), f.message()
                    + " [" + f.ruleId() + " " + f.ruleName() + "]"));
            quote(f.location(), out);
            if (f.vfork() != null && !f.vfork().equals(f.location())) {
                out.write(headline(f.vfork(), "note", "\u001b[36m", "the vfork child starts here"
                        + (f.vfork().macro() == null ? "" : " (via macro " + f.vfork().macro() + ")")));
            }
            for (TraceStep step : f.trace()) {
                out.write(headline(step.location(), "note", "\u001b[36m", "the child calls " + step.function() + "() here"));
            }
            // the same statement reached another way: one note per further chain, at its first call
            for (io.github.vforklint.finding.Chain chain : f.chains().subList(Math.min(1, f.chains().size()), f.chains().size())) {
                Location at = chain.steps().isEmpty() ? chain.vfork() : chain.steps().get(0).location();
                StringBuilder path = new StringBuilder();
                for (TraceStep step : chain.steps()) {
                    path.append(path.length() == 0 ? "" : " -> ").append(step.function()).append("()");
                }
                out.write(headline(at, "note", "\u001b[36m", "also reached from here"
                        + (path.length() == 0 ? "" : " through " + path)
                        + (chain.vfork().equals(f.vfork()) ? "" : " (vfork child started at " + chain.vfork() + ")")));
            }
            if (f.configuration() != null) {
                Location at = f.vfork() != null ? f.vfork() : f.location();
                out.write(headline(at, "note", "\u001b[36m", "only in the configuration where " + f.configuration()));
            }
        }
        for (Diagnostic d : result.diagnostics()) {
            String where = Printable.escape(d.path()) + (d.line() > 0 ? ":" + d.line() : "") + ": ";
            String kind = d.kind() == Diagnostic.Kind.INCOMPLETE ? "warning" : "note";
            out.write(paint(BOLD, where) + paint(d.kind() == Diagnostic.Kind.INCOMPLETE ? "\u001b[35m" : "\u001b[36m", kind + ":")
                    + " " + Printable.escape(d.message()) + " [vforklint]\n");
        }
    }

    private String headline(Location at, String level, String levelColor, String message) {
        return paint(BOLD, Printable.escape(at.path()) + ":" + at.line() + ":" + at.column() + ":") + " "
                + paint(levelColor, level + ":") + " " + Printable.escape(message) + "\n";
    }

    private void quote(Location at, Writer out) throws IOException {
        String line = sources.line(at.path(), at.line());
        if (line == null) {
            return;
        }
        String number = String.valueOf(at.line());
        String gutter = " ".repeat(number.length());
        int start = Math.min(at.column() - 1, line.length());
        int end = at.endLine() == at.line() ? Math.min(at.endColumn() - 1, line.length()) : line.length();
        int width = Math.max(1, end - start);
        StringBuilder marker = new StringBuilder();
        // Tabs stay tabs so the caret lines up; any other control character is shown escaped, and so padded.
        String[] parts = line.substring(0, start).split("\t", -1);
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) {
                marker.append('\t');
            }
            marker.append(" ".repeat(Printable.escape(parts[k]).length()));
        }
        marker.append('^').append("~".repeat(width - 1));
        out.write(" " + number + " | " + printableLine(line) + "\n");
        out.write(" " + gutter + " | " + paint("\u001b[32m", marker.toString()) + "\n");
    }

    /** The source line with its tabs kept and other control characters escaped. */
    private static String printableLine(String line) {
        return String.join("\t", java.util.Arrays.stream(line.split("\t", -1)).map(Printable::escape).toList());
    }

    private static String levelColor(Severity severity) {
        return switch (severity) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[35m";
            case NOTE -> "\u001b[36m";
        };
    }

    private String paint(String code, String text) {
        return color ? code + BOLD + text + RESET : text;
    }
}
