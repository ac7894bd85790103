package io.github.vforklint.scan;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceText;
import io.github.vforklint.source.SourceTree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * @param filesScanned files considered
 * @param filesParsed  files that could involve vfork and were parsed
 * @param vforkSites   vfork calls found
 * @param tree         the index of the scanned tree, for later steps that look at its files
 *                     (suppression comments); null when the result was not made by a scan
 */
public record ScanResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned,
                         int filesParsed, int vforkSites, SourceTree tree) {

    public ScanResult(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned, int filesParsed,
                      int vforkSites) {
        this(findings, diagnostics, filesScanned, filesParsed, vforkSites, null);
    }

    /** The same result with other findings and diagnostics (after suppressions, or trimmed for display). */
    public ScanResult with(List<Finding> newFindings, List<Diagnostic> newDiagnostics) {
        return new ScanResult(newFindings, newDiagnostics, filesScanned, filesParsed, vforkSites, tree);
    }

    /** A file's text, read again: the scan keeps no text, so memory does not grow with the tree. */
    public SourceText text(Path file) throws IOException {
        return SourceText.read(file);
    }

    /** The scanned files that hold any of these words in any case; none when the result was not made by a scan. */
    public List<Path> filesMentioningInAnyCase(Collection<String> words) {
        return tree == null ? List.of()
                : tree.mentioningInAnyCase(words, tree.files()).stream().map(SourceFile::path).toList();
    }

    /** Whether the scan's pass read this file (an absolute, normalised path), and so knows its words. */
    public boolean scanned(Path file) {
        return tree != null && tree.file(file).isPresent();
    }

    public boolean incomplete() {
        return diagnostics.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.INCOMPLETE);
    }
}
