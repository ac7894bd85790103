package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.parser.util.CharArraySet;

import java.util.Set;

/**
 * Which function bodies a parse builds a syntax tree for. A file holding a vfork site is mostly
 * code no child reaches (busybox's httpd.c: 42 bodies with libbb.h's, 5 of them reached), and
 * its trees would be built for nothing. {@link #ALL} reads every body, as a parse for a helper
 * must; {@link #reaching} reads the bodies a vfork analysis can get to: those that name one of
 * the words (after macro expansion) or hold one of them in the file's own text, and every
 * function those name, transitively ({@link SelectiveBodyParser}).
 *
 * @param words         the words, as the parser compares token images with them
 * @param textWords     the same words, as the search of the file's text takes them
 * @param wholeMainFile whether every body of the parsed file itself is read
 */
record BodySelection(CharArraySet words, Set<String> textWords, boolean wholeMainFile) {

    static final BodySelection ALL = new BodySelection(null, Set.of(), true);

    /**
     * Every body of the parsed file, and of its headers' only those its bodies name: a helper's
     * file is asked for any of its functions, but rarely for the inline functions of a header it
     * includes (Emacs' lisp.h defines hundreds), and a function of the header that is asked for
     * is looked for in the header's own parse.
     */
    static final BodySelection MAIN_FILE = new BodySelection(new CharArraySet(0), Set.of(), true);

    /**
     * @param words the names whose presence makes a body worth reading: vfork and its kin,
     *              wrappers and the macros for them, the flags that make clone vfork-like
     */
    static BodySelection reaching(Set<String> words) {
        CharArraySet set = new CharArraySet(words.size());
        words.forEach(w -> set.put(w.toCharArray()));
        return new BodySelection(set, Set.copyOf(words), false);
    }

    boolean readsAll() {
        return words == null;
    }

    boolean isWord(char[] name) {
        return words.containsKey(name);
    }
}
