package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What vforklint reads from a file's text without a preprocessor, computed once per file and
 * scan however many translation units include it: its directives and the brackets that nest
 * deeper than {@link #MAX_NESTING}.
 */
final class TextFacts {

    /**
     * Brackets ({@code ( [ {} together) nested deeper than this are not parsed: CDT's time grows
     * with the square of the depth (100,000 parentheses: minutes), and no hand-written C comes
     * near it. Compilers stop at a similar depth (clang's -fbracket-depth is 256).
     */
    static final int MAX_NESTING = 256;

    /** A stretch of text that nests too deep: blanked before parsing, with the function it belongs to. */
    record DeepRange(int from, int to, int firstLine, int lastLine, String function) {
    }

    /**
     * The shape of a {@code #define}'s replacement, for estimating its expansion: how many tokens
     * are not identifiers, and the identifiers (each occurrence).
     */
    record Replacement(int otherTokens, String[] identifiers) {
    }

    /** The facts of one file; {@code replacements} has an entry per directive (null unless a define). */
    record Facts(List<Directives.Directive> directives, List<DeepRange> tooDeep, List<Replacement> replacements) {
    }

    /** Where a file names one of a fixed set of words: offsets ascending, each with its word. */
    record Occurrences(int[] offsets, String[] words) {
        static final Occurrences NONE = new Occurrences(new int[0], new String[0]);

        /** Whether one of {@code wanted} occurs in {@code [from, to)}. */
        boolean anyIn(int from, int to, Set<String> wanted) {
            int i = java.util.Arrays.binarySearch(offsets, from);
            for (i = i < 0 ? -i - 1 : i; i < offsets.length && offsets[i] < to; i++) {
                if (wanted.contains(words[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    private final SourceFiles files;
    private final Map<String, Facts> facts = new ConcurrentHashMap<>();
    private final Map<String, Occurrences> noReturnSpellings = new ConcurrentHashMap<>();
    private final Map<String, Conditionals> conditionals = new ConcurrentHashMap<>();
    private final Map<Named, Boolean> named = new ConcurrentHashMap<>();

    private record Named(String path, String word) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Named other
                    && Objects.equals(path, other.path)
                    && Objects.equals(word, other.word);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(path) + Objects.hashCode(word);
        }
    }

    TextFacts(SourceFiles files) {
        this.files = files;
    }

    SourceFiles files() {
        return files;
    }

    Facts of(String path) {
        return facts.computeIfAbsent(path, p -> {
            char[] text = files.get(p).chars();
            List<Directives.Directive> directives = Directives.in(text);
            List<Replacement> replacements = new ArrayList<>(directives.size());
            for (Directives.Directive d : directives) {
                replacements.add(d.kind() == Directives.Kind.DEFINE ? replacement(d) : null);
            }
            return new Facts(directives, tooDeep(text), replacements);
        });
    }

    private static Replacement replacement(Directives.Directive d) {
        char[] body = d.argument().toCharArray();
        int other = 0;
        List<String> identifiers = new ArrayList<>();
        for (CTokens.Token t : CTokens.of(body, 0, body.length, false)) {
            if (t.isIdentifier()) {
                identifiers.add(t.text());
            } else {
                other++;
            }
        }
        return new Replacement(other, identifiers.toArray(String[]::new));
    }

    /**
     * Where the file names a project spelling of noreturn (noreturn.yml): a unit asks about the
     * declarations of every header it read, and most headers name none.
     */
    Occurrences noReturnSpellings(String path) {
        return noReturnSpellings.computeIfAbsent(path, p -> NoReturnDeclarations.MACRO_WORDS.in(files.get(p).chars()));
    }

    /** Whether the file names {@code word} anywhere, its comments too: asked by every unit parsed of it. */
    boolean names(String path, String word) {
        return named.computeIfAbsent(new Named(path, word),
                k -> wordsIn(files.get(path).chars(), Set.of(word)) != Occurrences.NONE);
    }

    /** The occurrences of {@code words} in {@code text} as whole words (runs of letters, digits and '_'). */
    static Occurrences wordsIn(char[] text, Set<String> words) {
        return new WordSet(words).in(text);
    }

    /**
     * Words to find as whole words, by length, compared in place: no string is made for the other
     * identifiers, and a run longer than every word, or of a length no word has, is passed over at
     * once. Made once for a set asked about often (the noreturn spellings: in every header of every unit).
     */
    static final class WordSet {
        private final String[][] byLength;

        WordSet(Set<String> words) {
            int longest = 0;
            for (String w : words) {
                longest = Math.max(longest, w.length());
            }
            byLength = new String[longest + 1][];
            for (String w : words) {
                String[] same = byLength[w.length()];
                byLength[w.length()] = same == null ? new String[] {w} : append(same, w);
            }
        }

        Occurrences in(char[] text) {
            List<Integer> offsets = new ArrayList<>();
            List<String> found = new ArrayList<>();
            int i = 0;
            int end = text.length;
            while (i < end) {
                if (!Directives.isWordChar(text[i])) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < end && Directives.isWordChar(text[i])) {
                    i++;
                }
                int length = i - start;
                if (length >= byLength.length || byLength[length] == null) {
                    continue;
                }
                for (String w : byLength[length]) {
                    if (spells(text, start, w)) {
                        offsets.add(start);
                        found.add(w);
                        break;
                    }
                }
            }
            return offsets.isEmpty() ? Occurrences.NONE
                    : new Occurrences(offsets.stream().mapToInt(Integer::intValue).toArray(), found.toArray(String[]::new));
        }

        private static String[] append(String[] words, String word) {
            String[] more = java.util.Arrays.copyOf(words, words.length + 1);
            more[words.length] = word;
            return more;
        }
    }

    private static boolean spells(char[] text, int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (text[start + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    Conditionals conditionals(String path) {
        return conditionals.computeIfAbsent(path, p -> Conditionals.of(of(p).directives()));
    }

    /** The outermost bracket groups that hold brackets nested deeper than {@link #MAX_NESTING}. */
    static List<DeepRange> tooDeep(char[] text) {
        List<DeepRange> result = new ArrayList<>();
        int n = text.length;
        int depth = 0;
        int outerOpen = -1;
        boolean deep = false;
        boolean lineStart = true;
        int i = 0;
        while (i < n) {
            char c = text[i];
            if (c == '\n') {
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (c == '#' && lineStart) {
                i = Directives.logicalLineEnd(text, i, n);
                continue;
            }
            lineStart = false;
            if (c == '/' && i + 1 < n && text[i + 1] == '*') {
                i += 2;
                while (i + 1 < n && !(text[i] == '*' && text[i + 1] == '/')) {
                    i++;
                }
                i += 2;
                continue;
            }
            if (c == '/' && i + 1 < n && text[i + 1] == '/') {
                while (i < n && text[i] != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                i++;
                while (i < n && text[i] != c && text[i] != '\n') {
                    i += text[i] == '\\' ? 2 : 1;
                }
                i++;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                if (depth == 0) {
                    outerOpen = i;
                    deep = false;
                }
                depth++;
                deep |= depth > MAX_NESTING;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
                if (depth == 0 && deep) {
                    result.add(range(text, outerOpen, i));
                }
            }
            i++;
        }
        if (depth > 0 && deep) {
            result.add(range(text, outerOpen, n));
        }
        return result;
    }

    private static DeepRange range(char[] text, int open, int close) {
        return new DeepRange(open + 1, close, lineOf(text, open), lineOf(text, Math.min(close, text.length - 1)),
                functionBefore(text, open));
    }

    /** For a body {@code name(...) {}, the name; else "". */
    private static String functionBefore(char[] text, int open) {
        int i = open - 1;
        while (i >= 0 && Character.isWhitespace(text[i])) {
            i--;
        }
        if (i < 0 || text[i] != ')' || text[open] != '{') {
            return "";
        }
        int depth = 0;
        for (; i >= 0; i--) {
            if (text[i] == ')') {
                depth++;
            } else if (text[i] == '(' && --depth == 0) {
                break;
            }
        }
        i--;
        while (i >= 0 && Character.isWhitespace(text[i])) {
            i--;
        }
        int end = i + 1;
        while (i >= 0 && Directives.isWordChar(text[i])) {
            i--;
        }
        return new String(text, i + 1, end - i - 1);
    }

    private static int lineOf(char[] text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length; i++) {
            if (text[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
