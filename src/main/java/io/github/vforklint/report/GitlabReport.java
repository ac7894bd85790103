package io.github.vforklint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vforklint.baseline.FindingFingerprints;
import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.suppress.FilteredResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab Code Quality (the subset of the Code Climate format GitLab reads from a
 * {@code codequality} report artifact): a JSON array of {@code description}, {@code check_name},
 * {@code fingerprint}, {@code severity} and {@code location} ({@code path} relative to the
 * repository root, {@code lines.begin}). The fingerprint is the one SARIF and baselines use,
 * {@code vforklint/v1}, so a finding keeps its identity when lines move. GitLab keeps one issue per
 * fingerprint, so the second and later findings with the same code in the same function get the
 * fingerprint hashed with their rank. Files not fully analysed are {@code minor} issues of the
 * check {@code vforklint.incomplete}, so a merge request does not look clean when it is not.
 */
final class GitlabReport implements Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ProjectPaths paths;

    GitlabReport(ProjectPaths paths) {
        this.paths = paths;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        write(FilteredResult.unfiltered(result, new FindingFingerprints(paths)), out);
    }

    @Override
    public void write(FilteredResult filtered, Writer out) throws IOException {
        ArrayNode issues = JSON.createArrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : filtered.result().findings()) {
            String fingerprint = filtered.fingerprints().of(f);
            int rank = seen.merge(fingerprint, 1, Integer::sum);
            ObjectNode issue = issues.addObject();
            issue.put("description", f.message() + " [" + f.ruleId() + " " + f.ruleName() + "]");
            issue.put("check_name", "vforklint." + f.ruleId());
            issue.put("fingerprint", rank == 1 ? fingerprint : hash(fingerprint + "#" + rank));
            issue.put("severity", switch (f.severity()) {
                case ERROR -> "critical";
                case WARNING -> "major";
                case NOTE -> "info";
            });
            ObjectNode location = issue.putObject("location");
            location.put("path", paths.relative(f.location().path()));
            ObjectNode lines = location.putObject("lines");
            lines.put("begin", f.location().line());
            if (f.location().endLine() > f.location().line()) {
                lines.put("end", f.location().endLine());
            }
        }
        for (Diagnostic d : filtered.result().diagnostics()) {
            if (d.kind() != Diagnostic.Kind.INCOMPLETE) {
                continue;
            }
            String path = paths.relative(d.path());
            ObjectNode issue = issues.addObject();
            issue.put("description", "vforklint could not fully analyse this file: " + d.message());
            issue.put("check_name", "vforklint.incomplete");
            String fingerprint = hash("incomplete\0" + path + "\0" + d.message());
            // the same message twice in one file (two unparsed declarations): ranked, like findings
            int rank = seen.merge(fingerprint, 1, Integer::sum);
            issue.put("fingerprint", rank == 1 ? fingerprint : hash(fingerprint + "#" + rank));
            issue.put("severity", "minor");
            ObjectNode location = issue.putObject("location");
            location.put("path", path);
            location.putObject("lines").put("begin", Math.max(1, d.line()));
        }
        out.write(JSON.writeValueAsString(issues));
        out.write("\n");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
