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
 * @param words     the words, as the parser compares token images with them
 * @param textWords the same words, as the search of the file's text takes them
 */
record BodySelection(CharArraySet words, Set<String> textWords) {

    static final BodySelection ALL = new BodySelection(null, Set.of());

    /**
     * @param words the names whose presence makes a body worth reading: vfork and its kin,
     *              wrappers and the macros for them, the flags that make clone vfork-like
     */
    static BodySelection reaching(Set<String> words) {
        CharArraySet set = new CharArraySet(words.size());
        words.forEach(w -> set.put(w.toCharArray()));
        return new BodySelection(set, Set.copyOf(words));
    }

    boolean readsAll() {
        return words == null;
    }

    boolean isWord(char[] name) {
        return words.containsKey(name);
    }
}
