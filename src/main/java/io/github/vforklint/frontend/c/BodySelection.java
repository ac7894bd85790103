package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.parser.util.CharArraySet;

import java.util.Set;

/**
 * Which function bodies a parse builds a syntax tree for. A file holding a vfork site is mostly
 * code no child reaches (busybox's httpd.c with -I include: 44 bodies with libbb.h's inline
 * ones, 7 of them reached), and its trees would be built for nothing. {@link #ALL} reads every body, as a parse for a helper
 * must; {@link #reaching} reads the bodies a vfork analysis can get to: those that name one of
 * the words (after macro expansion) or hold one of them in the file's own text, and every
 * function those name, transitively ({@link SelectiveBodyParser}).
 */
final class BodySelection {

    static final BodySelection ALL = new BodySelection(null);

    /** null for {@link #ALL} */
    private final Set<String> words;
    /** {@link #words} for a search of a text, made once: every candidate file is searched for them. */
    private final TextFacts.WordSet wordSet;
    /** The same words, as the parser compares token images with them. */
    private final CharArraySet images;
    /** Where each file's text holds them: a file is parsed with one selection several times (its configurations, its recovery). */
    private final java.util.Map<String, int[]> offsets = new java.util.concurrent.ConcurrentHashMap<>();
    /** Files one of whose bodies could not be read late: every later parse of theirs reads them whole. */
    private final Set<String> readWhole = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private BodySelection(Set<String> words) {
        this.words = words == null ? null : Set.copyOf(words);
        this.wordSet = words == null ? null : new TextFacts.WordSet(this.words);
        this.images = new CharArraySet(words == null ? 0 : words.size());
        if (words != null) {
            words.forEach(w -> images.put(w.toCharArray()));
        }
    }

    /**
     * @param words the names whose presence makes a body worth reading: vfork and its kin,
     *              wrappers and the macros for them, the flags that make clone vfork-like
     */
    static BodySelection reaching(Set<String> words) {
        return new BodySelection(words);
    }

    boolean readsAll() {
        return words == null;
    }

    /**
     * Whether a parse of {@code path} reads every body: so for {@link #ALL}, and from the first
     * parse of the file whose late read failed on, so that the parses a recovery or a
     * configuration compares (by their problems) read the same bodies.
     */
    boolean readsAllOf(String path) {
        return readsAll() || readWhole.contains(path);
    }

    /** From now on every parse of {@code path} with this selection reads every body. */
    void readWholeFrom(String path) {
        readWhole.add(path);
    }

    /** The words, for a search of the file's text. */
    Set<String> words() {
        return words;
    }

    boolean isWord(char[] name) {
        return images.containsKey(name);
    }

    /**
     * The offsets of the words in {@code text}, the text of {@code path} as it is on disk: what a
     * parse is served keeps those offsets (blanks and rewrites keep their places), and the
     * functions a configuration is asked for are found by them too.
     */
    int[] offsetsIn(String path, char[] text) {
        return offsets.computeIfAbsent(path, p -> wordSet.in(text).offsets());
    }
}
