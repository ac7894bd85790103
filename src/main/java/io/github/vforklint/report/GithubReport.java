package io.github.vforklint.report;

import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Location;
import io.github.vforklint.scan.ScanResult;

import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...::message}): the runner turns
 * each line into an annotation on the pull request, without code scanning. Paths are relative to
 * the repository root, as annotations need. GitHub shows at most 10 annotations of each level
 * per step, so this suits small numbers of findings; SARIF suits the rest.
 */
final class GithubReport implements Report {

    private final ProjectPaths paths;

    GithubReport(ProjectPaths paths) {
        this.paths = paths;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            Location at = f.location();
            StringBuilder props = new StringBuilder();
            props.append("file=").append(property(paths.relative(at.path())))
                    .append(",line=").append(at.line())
                    .append(",col=").append(at.column());
            if (at.endLine() > at.line()) {
                props.append(",endLine=").append(at.endLine());
            } else if (at.endColumn() > at.column()) {
                props.append(",endColumn=").append(at.endColumn());
            }
            props.append(",title=").append(property(f.ruleId() + " " + f.ruleName()));
            String message = f.message();
            if (f.vfork() != null && !f.vfork().equals(at)) {
                message += "\n(the vfork child starts at " + paths.relative(f.vfork().path()) + ":" + f.vfork().line()
                        + (f.trace().isEmpty() ? "" : " and reaches this through "
                        + String.join(" → ", f.trace().stream().map(s -> s.function() + "()").toList())) + ")";
            }
            out.write("::" + command(f) + " " + props + "::" + data(message) + "\n");
        }
        for (Diagnostic d : result.diagnostics()) {
            String props = "file=" + property(paths.relative(d.path())) + (d.line() > 0 ? ",line=" + d.line() : "")
                    + ",title=" + property("vforklint");
            String command = d.kind() == Diagnostic.Kind.INCOMPLETE ? "warning" : "notice";
            out.write("::" + command + " " + props + "::" + data(d.message()) + "\n");
        }
    }

    private static String command(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /** The escaping of actions/toolkit's command.ts: '%', CR and LF in data; also ':' and ',' in properties. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
