package io.github.vforklint.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordSearchTest {

    private static List<WordSearch.Word> exact(String... words) {
        List<WordSearch.Word> result = new ArrayList<>();
        for (String w : words) {
            result.add(WordSearch.Word.exact(w));
        }
        return result;
    }

    /** The indexes of the words found, as the search reports them. */
    private static TreeSet<Integer> found(WordSearch search, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        long[] found = search.newFound();
        search.scan(bytes, bytes.length, found, null);
        TreeSet<Integer> result = new TreeSet<>();
        for (int w = 0; w < search.size(); w++) {
            if ((found[w >>> 6] & (1L << w)) != 0) {
                result.add(w);
            }
        }
        return result;
    }

    /** The same, by splitting the text into words one by one. */
    private static TreeSet<Integer> expected(List<WordSearch.Word> words, String text) {
        TreeSet<Integer> result = new TreeSet<>();
        for (String token : text.split("[^A-Za-z0-9_]+")) {
            for (int w = 0; w < words.size(); w++) {
                WordSearch.Word word = words.get(w);
                if (word.anyCase() ? token.toLowerCase(Locale.ROOT).equals(word.text().toLowerCase(Locale.ROOT))
                        : token.equals(word.text())) {
                    result.add(w);
                }
            }
        }
        return result;
    }

    private static TreeSet<Integer> lineStarts(WordSearch search, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        TreeSet<Integer> starts = new TreeSet<>();
        search.scan(bytes, bytes.length, search.newFound(), starts::add);
        return starts;
    }

    @Test
    void findsWholeWordsAndNotPartsOfWords() {
        WordSearch s = new WordSearch(exact("vfork", "CLONE_VFORK", "jni"));
        assertEquals(new TreeSet<>(List.of(0)), found(s, "pid = vfork();"));
        assertEquals(new TreeSet<>(), found(s, "vforked xvfork vfork_ x_vfork vfork1 CLONE_VFORKS jnix"));
        assertEquals(new TreeSet<>(List.of(1, 2)), found(s, "#include <jni.h>\nflags = CLONE_VM|CLONE_VFORK;"));
    }

    @Test
    void findsWordsAtTheEdgesOfTheTextAndOfEachEightByteBlock() {
        WordSearch s = new WordSearch(exact("vfork"));
        for (int pad = 0; pad < 20; pad++) {
            String before = " ".repeat(pad);
            assertEquals(new TreeSet<>(List.of(0)), found(s, before + "vfork"), "at " + pad);
            assertEquals(new TreeSet<>(List.of(0)), found(s, before + "vfork" + before), "at " + pad);
            assertEquals(new TreeSet<>(), found(s, before + "vfor"), "cut at " + pad);
        }
    }

    @Test
    void wordsInAnyCaseMatchEveryMixOfCases() {
        WordSearch s = new WordSearch(List.of(new WordSearch.Word("vforklint", true), WordSearch.Word.exact("vfork")));
        assertEquals(new TreeSet<>(List.of(0)), found(s, "// NOLINT(VForkLint-VFK101)"));
        assertEquals(new TreeSet<>(), found(s, "VFORK()"), "an exact word is case-sensitive");
    }

    @Test
    void aOneLetterWordAndManyWordsAreFoundAllTheSame() {
        List<WordSearch.Word> words = exact("F", "vfork", "SYS_vfork", "fork", "launchMechanism", "forkAndExec", "Java_x", "jni",
                "CLONE_VFORK", "x");
        WordSearch s = new WordSearch(words);
        String text = "F(); a = x + launchMechanism; b->forkAndExec(Java_x, jni);";
        assertEquals(expected(words, text), found(s, text));
    }

    @Test
    void moreThanSixtyFourWordsAreReportedByTheirIndexes() {
        List<WordSearch.Word> words = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            words.add(WordSearch.Word.exact("name" + i));
        }
        WordSearch s = new WordSearch(words);
        assertEquals(new TreeSet<>(List.of(3, 64, 129)), found(s, "name3 + name64 * name129 - name1300"));
    }

    @Test
    void aSearchForPartOfAListReportsOnlyThatPartInTheListsTerms() {
        List<WordSearch.Word> words = exact("vfork", "launchMechanism", "jni");
        WordSearch cOnly = new WordSearch(words, w -> !w.text().equals("launchMechanism"));
        assertEquals(new TreeSet<>(List.of(0, 2)), found(cOnly, "vfork launchMechanism jni"));
        long[] wanted = new long[1];
        wanted[0] = 1L << 1;
        assertEquals(false, cOnly.searchesFor(wanted));
        wanted[0] = 1L | 1L << 2;
        assertEquals(true, cOnly.searchesFor(wanted));
    }

    /** Two pairs (the C words), four (with the JVM's), more than four and a one-letter word (anchors alone). */
    static java.util.stream.Stream<List<WordSearch.Word>> wordSets() {
        List<WordSearch.Word> c = List.of(WordSearch.Word.exact("vfork"), WordSearch.Word.exact("__vfork"),
                WordSearch.Word.exact("SYS_vfork"), WordSearch.Word.exact("CLONE_VFORK"), WordSearch.Word.exact("jni"),
                new WordSearch.Word("vforklint", true));
        List<WordSearch.Word> four = new ArrayList<>(c);
        four.addAll(exact("forkAndExec", "launchMechanism"));
        List<WordSearch.Word> many = new ArrayList<>(four);
        many.addAll(exact("Java_x", "lint9", "SYS_x"));
        List<WordSearch.Word> oneLetter = new ArrayList<>(c);
        oneLetter.add(WordSearch.Word.exact("x"));
        return java.util.stream.Stream.of(c, four, many, oneLetter);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("wordSets")
    void agreesWithSplittingIntoWordsOnRandomText(List<WordSearch.Word> words) {
        String[] pieces = {"vfork", "vfor", "fork", "k", "rk", "__", "_", "SYS_", "CLONE_", "VFORK", "jni", "jn", "VForkLint",
            "lint", " ", "\n", "\t", "(", ")", ";", "x", "9", "\u00e9", "\0", "forkAnd", "Exec", "launch", "Mechanism",
            "Java_", "SYS_x"};
        Random random = new Random(42);
        WordSearch s = new WordSearch(words);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(expected(words, text.toString()), found(s, text.toString()), "in \"" + text + "\"");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("wordSets")
    void reportsEveryLineThatStartsWithANameAndNoOther(List<WordSearch.Word> words) {
        WordSearch search = new WordSearch(words);
        Random random = new Random(7);
        String[] pieces = {"\n", "int", " ", "\t", "}", "{", "#define", "_x", "9", "/*", "Zed", "\r\n", "a"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            TreeSet<Integer> expected = new TreeSet<>();
            String t = text.toString();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                boolean name = Character.isLetter(c) && c < 0x80 || c == '_';
                if (name && (i == 0 || t.charAt(i - 1) == '\n')) {
                    expected.add(i);
                }
            }
            assertEquals(expected, lineStarts(search, t), "in \"" + t.replace("\n", "\\n") + "\"");
        }
    }

    @Test
    void aWordIsMadeOfWordCharacters() {
        assertThrows(IllegalArgumentException.class, () -> WordSearch.Word.exact("a-b"));
        assertThrows(IllegalArgumentException.class, () -> WordSearch.Word.exact(""));
    }
}
