package io.github.vforklint.frontend.c;

import org.eclipse.cdt.internal.core.dom.IIncludeFileResolutionHeuristics;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CDT's last resort for an {@code #include} its search path does not resolve, for one parse:
 * the scanned tree ({@link TreeIncludes}). A budget bounds what one translation unit pulls in
 * this way, so that a tree holding its own copy of a large header graph (a kernel's
 * {@code <linux/...>}) does not make every parse read all of it; reaching it is reported.
 */
final class InTreeHeaders implements IIncludeFileResolutionHeuristics {

    /** In-tree headers one translation unit may read through this resolution. */
    static final int MAX_HEADERS = 400;

    /** An include that matched several files equally near the including file. */
    record Ambiguity(String includingFile, String include, List<Path> candidates) {
    }

    private final TreeIncludes tree;
    private final Set<Path> read = new LinkedHashSet<>();
    private final List<Ambiguity> ambiguities = new ArrayList<>();
    private final Set<String> refused = new LinkedHashSet<>();

    InTreeHeaders(TreeIncludes tree) {
        this.tree = tree;
    }

    @Override
    public String findInclusion(String include, String currentFile) {
        if (currentFile == null) {
            return null;
        }
        Path including;
        try {
            including = Path.of(currentFile);
        } catch (InvalidPathException e) {
            return null;
        }
        TreeIncludes.Resolution r = tree.resolve(include, including);
        if (!r.ambiguous().isEmpty()) {
            ambiguities.add(new Ambiguity(currentFile, include, r.ambiguous()));
            return null;
        }
        if (!r.found()) {
            return null;
        }
        if (!read.contains(r.file()) && read.size() >= MAX_HEADERS) {
            refused.add(include);
            return null;
        }
        read.add(r.file());
        return r.file().toString();
    }

    List<Ambiguity> ambiguities() {
        return ambiguities;
    }

    /** Includes not read because the budget was spent. */
    Set<String> refused() {
        return refused;
    }
}
