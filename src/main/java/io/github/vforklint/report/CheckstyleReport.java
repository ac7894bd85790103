package io.github.vforklint.report;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.scan.ScanResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkstyle's XML report ({@code <checkstyle><file><error .../></file></checkstyle>}), which
 * Jenkins' Warnings plugin, reviewdog, SonarQube and many CI dashboards read. {@code source} is
 * {@code vforklint.VFK101}; notes are {@code info}. Files vforklint could not fully analyse get a
 * warning with source {@code vforklint.incomplete}, so the report does not look clean when it is not.
 */
final class CheckstyleReport implements Report {

    /** The format version Checkstyle itself writes. */
    private static final String VERSION = "4.3";

    private record Entry(int line, int column, String severity, String message, String source) {
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Map<String, List<Entry>> byFile = new TreeMap<>();
        for (Finding f : result.findings()) {
            byFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(new Entry(f.location().line(),
                    f.location().column(), severity(f), f.message() + " [" + f.ruleId() + " " + f.ruleName() + "]",
                    "vforklint." + f.ruleId()));
        }
        for (Diagnostic d : result.diagnostics()) {
            boolean incomplete = d.kind() == Diagnostic.Kind.INCOMPLETE;
            byFile.computeIfAbsent(d.path(), k -> new ArrayList<>()).add(new Entry(d.line(), 0,
                    incomplete ? "warning" : "info", d.message(), incomplete ? "vforklint.incomplete" : "vforklint.info"));
        }
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("checkstyle");
            xml.writeAttribute("version", VERSION);
            for (Map.Entry<String, List<Entry>> file : byFile.entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("file");
                xml.writeAttribute("name", Printable.escape(file.getKey()));
                for (Entry e : file.getValue()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("error");
                    if (e.line() > 0) {
                        xml.writeAttribute("line", String.valueOf(e.line()));
                    }
                    if (e.column() > 0) {
                        xml.writeAttribute("column", String.valueOf(e.column()));
                    }
                    xml.writeAttribute("severity", e.severity());
                    xml.writeAttribute("message", Printable.escape(e.message()));
                    xml.writeAttribute("source", e.source());
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the Checkstyle report: " + e.getMessage(), e);
        }
        out.write(buffer.toString());
        out.write("\n");
    }

    private static String severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "info";
        };
    }
}
