package io.github.vforklint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vforklint.Version;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.finding.Location;
import io.github.vforklint.scan.ScanResult;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The JSON format documented in the README ("JSON output"). */
final class JsonReport implements Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", Version.current());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.ruleId());
            n.put("name", f.ruleName());
            n.put("severity", f.severity().label());
            position(n, f.location());
            n.put("endLine", f.location().endLine());
            n.put("endColumn", f.location().endColumn());
            n.put("message", f.message());
            if (f.location().macro() != null) {
                n.put("macro", f.location().macro());
            }
            if (f.configuration() != null) {
                n.put("configuration", f.configuration());
            }
            if (f.vfork() != null) {
                position(n.putObject("vfork"), f.vfork());
            }
            steps(n.putArray("trace"), f.trace());
            if (f.chains().size() > 1) {
                // every way the child reaches the finding; "vfork" and "trace" are the first
                ArrayNode chains = n.putArray("chains");
                for (io.github.vforklint.finding.Chain chain : f.chains()) {
                    ObjectNode c = chains.addObject();
                    position(c.putObject("vfork"), chain.vfork());
                    steps(c.putArray("trace"), chain.steps());
                }
            }
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : result.diagnostics()) {
            ObjectNode n = diagnostics.addObject();
            n.put("path", d.path());
            n.put("line", d.line());
            n.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
            n.put("message", d.message());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("files", result.filesScanned());
        summary.put("parsed", result.filesParsed());
        summary.put("vforkSites", result.vforkSites());
        summary.put("findings", result.findings().size());
        summary.put("complete", !result.incomplete());
        JSON.writeValue(new NonClosingWriter(out), root);
        out.write("\n");
    }

    private static void steps(ArrayNode trace, java.util.List<TraceStep> steps) {
        for (TraceStep step : steps) {
            ObjectNode s = trace.addObject();
            position(s, step.location());
            s.put("function", step.function());
        }
    }

    private static void position(ObjectNode node, Location at) {
        node.put("path", at.path());
        node.put("line", at.line());
        node.put("column", at.column());
    }

    /** Jackson closes what it writes to; the caller owns the stream. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
