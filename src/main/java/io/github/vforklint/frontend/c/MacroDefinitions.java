package io.github.vforklint.frontend.c;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code #define}s of a text, read without a preprocessor: each macro's name and the words of
 * its replacement, continuation lines included. A hand scanner, linear in the text: a regular
 * expression over a define with thousands of continuation lines overflows the stack.
 */
final class MacroDefinitions {

    /** One definition: {@code #define name words...}. */
    record Definition(String name, Set<String> words) {
    }

    private MacroDefinitions() {
    }

    static List<Definition> in(char[] text) {
        List<Definition> result = new ArrayList<>();
        int n = text.length;
        int i = 0;
        while (i < n) {
            int lineStart = i;
            int p = skipBlanks(text, lineStart, n);
            if (p < n && text[p] == '#') {
                p = skipBlanks(text, p + 1, n);
                if (startsWord(text, p, n, "define")) {
                    p = skipBlanks(text, p + "define".length(), n);
                    int nameEnd = Directives.wordEnd(text, p, n);
                    if (nameEnd > p) {
                        String name = new String(text, p, nameEnd - p);
                        int body = nameEnd;
                        if (body < n && text[body] == '(') {
                            while (body < n && text[body] != ')' && text[body] != '\n') {
                                body++;
                            }
                            body = Math.min(n, body + 1);
                        }
                        int end = Directives.logicalLineEnd(text, body, n);
                        result.add(new Definition(name, words(text, body, end)));
                        i = end + 1;
                        continue;
                    }
                }
            }
            i = Directives.logicalLineEnd(text, lineStart, n) + 1;
        }
        return result;
    }

    /** The words of a replacement text given on its own ({@code -D NAME=VALUE}). */
    static Set<String> wordsOf(String replacement) {
        char[] text = replacement.toCharArray();
        return words(text, 0, text.length);
    }

    private static Set<String> words(char[] text, int from, int to) {
        Set<String> words = new LinkedHashSet<>();
        int i = from;
        while (i < to) {
            if (Directives.isWordChar(text[i])) {
                int end = Directives.wordEnd(text, i, to);
                if (!Character.isDigit(text[i])) {
                    words.add(new String(text, i, end - i));
                }
                i = end;
            } else {
                i++;
            }
        }
        return words;
    }

    private static int skipBlanks(char[] text, int from, int n) {
        int i = from;
        while (i < n && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWord(char[] text, int at, int n, String word) {
        if (at + word.length() > n) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (text[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return at + word.length() == n || !Directives.isWordChar(text[at + word.length()]);
    }
}
