package io.github.vforklint.frontend;

import java.nio.file.Path;
import java.util.Set;

/**
 * One language's way into a scan (C, the JVM). A scan walks the tree once into a byte-level
 * index; each front end names the files it reads and the words that make one worth reading,
 * then analyses the candidates it is handed and returns what its analysis observed. Rules judge
 * those observations; front ends never word findings themselves.
 */
public interface FrontEnd {

    /** Shown in summaries and diagnostics: "C", "JVM". */
    String language();

    /** Whether this front end reads a file of the tree, judged by its name and path alone. */
    boolean reads(Path file);

    /**
     * Words (identifiers, as the byte index splits text) any of which makes a file worth
     * analysing. Files that hold none of them are never decoded.
     */
    Set<String> markers();

    /**
     * Every word this front end will ask the tree about before it has read anything (its markers
     * among them). The pass that reads every file once finds these; a word asked for later means
     * reading the files concerned again.
     */
    default Set<String> wordsAskedFirst() {
        return markers();
    }

    /** Analyses the candidates in {@code context}; one broken file becomes a diagnostic, never an exception. */
    FrontEndResult analyse(FrontEndContext context);
}
