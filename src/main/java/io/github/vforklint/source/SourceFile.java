package io.github.vforklint.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a scanned tree.
 *
 * @param id   its position in the tree's sorted file list
 * @param path absolute and normalised; kept as a {@link Path}, never round-tripped through a
 *             string, so names that are not valid UTF-8 still open
 * @param size its length in bytes when the tree was walked
 */
public record SourceFile(int id, Path path, long size) {

    /**
     * The last part of a path, from the string the path keeps: asked of every file of a tree,
     * where {@code getFileName()} would make a new path and decode it each time.
     */
    static String nameOf(Path path) {
        return nameOf(path.toString());
    }

    /** {@link #nameOf(Path)} for a path already given as a string. */
    static String nameOf(String path) {
        return path.substring(nameStart(path));
    }

    /** Where the last part of a path begins in its string: read in place, no string is cut out. */
    public static int nameStart(String path) {
        return path.lastIndexOf(java.io.File.separatorChar) + 1;
    }

    /** The name as text, for messages; bytes that are not UTF-8 show as replacement characters. */
    public String shown() {
        return path.toString();
    }

    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile other
                && id == other.id
                && size == other.size
                && Objects.equals(path, other.path);
    }

    @Override
    public int hashCode() {
        int h = id;
        h = 31 * h + Objects.hashCode(path);
        h = 31 * h + Long.hashCode(size);
        return h;
    }
}
