package io.github.vforklint.frontend;

import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceTree;

import java.nio.file.Path;
import java.util.List;

/**
 * What a scan hands a front end.
 *
 * @param tree       the byte-level index of the whole tree, for further questions (headers,
 *                   definitions of the helpers a child calls, macros that expand to a marker)
 * @param files      the files of the tree this front end reads, sorted by path
 * @param candidates those of them that hold one of its markers, sorted by path
 * @param baseDir    paths in findings and diagnostics are shown relative to it
 * @param jobs       how many threads the front end may use
 */
public record FrontEndContext(SourceTree tree, List<SourceFile> files, List<SourceFile> candidates, Path baseDir,
                              int jobs) {

    public FrontEndContext {
        files = List.copyOf(files);
        candidates = List.copyOf(candidates);
    }

    /** A path as findings show it: relative to the base directory when under it. */
    public String display(Path absolute) {
        return absolute.startsWith(baseDir) ? baseDir.relativize(absolute).toString() : absolute.toString();
    }
}
