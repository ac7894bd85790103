package io.github.vforklint.frontend.c;

import io.github.vforklint.source.CommentsAndLiterals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What surrounds a place in a file's text, read backwards the way {@link MacroRecovery} needs:
 * whether a declaration can begin there, whether it is inside an enum's braces, which macro a
 * closing parenthesis belongs to, the words before a function's head. Comments are no code
 * here, and for reading brackets, literals are none either.
 */
final class SurroundingCode {

    /** Words that can come before a declaration's type. */
    static final Set<String> STORAGE = Set.of("static", "extern", "const", "volatile", "register", "typedef");

    private final char[] text;
    /** {@link #text} without its comments, see {@link #code()}. */
    private char[] code;
    /** {@link #code()} without its literals, see {@link #bare()}. */
    private char[] bare;
    /** The comments and literals of {@link #text}, found once for both. */
    private List<CommentsAndLiterals.Span> spans;

    SurroundingCode(char[] text) {
        this.text = text;
    }

    /**
     * The words before {@code at}, back to the end of the previous declaration or a preprocessor
     * line (blanks and {@code *} between them passed by): {@code static void attribute_noreturn}
     * before a function's name on the next line.
     */
    List<String> wordsBefore(int at) {
        char[] code = code();
        List<String> words = new ArrayList<>();
        int i = at - 1;
        while (i >= 0) {
            char c = code[i];
            if (Character.isWhitespace(c) || c == '*') {
                if (c == '\n' && directiveLineEndingAt(code, i)) {
                    break;
                }
                i--;
            } else if (Directives.isWordChar(c)) {
                int end = i + 1;
                while (i >= 0 && Directives.isWordChar(code[i])) {
                    i--;
                }
                words.add(0, new String(code, i + 1, end - i - 1));
            } else {
                break;
            }
        }
        return words;
    }

    /**
     * Past the rest of the word {@code from} falls inside: the parser can report a stretch from the
     * last letter of a word it read as the end of a declaration of its own ({@code static void
     * attribute_noreturn}, before a function's name on the next line); the stretch is what follows.
     */
    int afterWordPart(int from) {
        int i = Math.min(from, text.length);
        if (i == 0 || i >= text.length || !Directives.isWordChar(text[i - 1])) {
            return i;
        }
        while (i < text.length && Directives.isWordChar(text[i])) {
            i++;
        }
        return i;
    }

    /**
     * Whether {@code at} is directly inside an enum's braces ({@code enum {}, {@code enum tag {},
     * with {@code typedef} or not), read backwards over the code without its comments and literals.
     */
    boolean insideAnEnum(int at) {
        char[] code = bare();
        int depth = 0;
        for (int i = Math.min(at, code.length) - 1; i >= 0; i--) {
            char c = code[i];
            if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '(' || c == '[') {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (c == '{') {
                if (depth == 0) {
                    return enumBefore(code, i);
                }
                depth--;
            } else if (c == ';' && depth == 0) {
                return false;
            }
        }
        return false;
    }

    /** Whether the brace at {@code brace} opens an enum's body: {@code enum} before it, or {@code enum} and a tag. */
    private static boolean enumBefore(char[] code, int brace) {
        int at = brace;
        for (int words = 0; words < 2; words++) {
            Word word = wordBefore(code, at);
            if (word == null) {
                return false;
            }
            if (word.is(code, "enum")) {
                return true;
            }
            at = word.start();
        }
        return false;
    }

    /** A word's place in a text. */
    record Word(int start, int end) {
        String in(char[] code) {
            return new String(code, start, end - start);
        }

        boolean is(char[] code, String word) {
            return end - start == word.length() && in(code).equals(word);
        }
    }

    /** The word that ends before {@code at}, blanks between passed over; null when something else comes first. */
    static Word wordBefore(char[] code, int at) {
        int end = at - 1;
        while (end >= 0 && Character.isWhitespace(code[end])) {
            end--;
        }
        int start = end;
        while (start >= 0 && Directives.isWordChar(code[start])) {
            start--;
        }
        return start < end ? new Word(start + 1, end + 1) : null;
    }

    /** Whether the line that ends at the line break {@code end} is a preprocessor line. */
    private static boolean directiveLineEndingAt(char[] code, int end) {
        int start = end;
        while (start > 0 && code[start - 1] != '\n') {
            start--;
        }
        while (start < end && Character.isWhitespace(code[start])) {
            start++;
        }
        return start < end && code[start] == '#';
    }

    /** Whether a line break lies in {@code [from, to)}. */
    boolean lineBreak(int from, int to) {
        for (int i = from; i < to && i < text.length; i++) {
            if (text[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a declaration can begin at {@code at}: what comes before it, comments and storage
     * words aside, is the start of the file, the end of a statement or block ({@code ;},
     * <code>{</code>, <code>}</code>) or a preprocessor line. A region the parser gave up on can begin in the middle of
     * one ({@code extern void} parsed, {@code f(pid_t) attribute_hidden;} not).
     */
    boolean startsADeclaration(int at) {
        char[] code = code();
        int i = at - 1;
        while (i >= 0) {
            char c = code[i];
            if (c == '\n') {
                if (directiveLineEndingAt(code, i)) {
                    return true;
                }
                i--;
            } else if (Character.isWhitespace(c)) {
                i--;
            } else if (c == ';' || c == '{' || c == '}') {
                return true;
            } else if (Directives.isWordChar(c)) {
                int end = i;
                while (i >= 0 && Directives.isWordChar(code[i])) {
                    i--;
                }
                if (!STORAGE.contains(new String(code, i + 1, end - i))) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /** The text with its comments blanked, made when first needed: reading backwards, a comment's words are no code. */
    private char[] code() {
        if (code == null) {
            code = CommentsAndLiterals.withoutComments(text, spans());
        }
        return code;
    }

    private List<CommentsAndLiterals.Span> spans() {
        if (spans == null) {
            spans = CommentsAndLiterals.scan(text);
        }
        return spans;
    }

    /** {@link #code()} with its literals blanked too, for reading brackets backwards: a '{' in a string opens nothing. */
    private char[] bare() {
        if (bare == null) {
            bare = code().clone();
            for (CommentsAndLiterals.Span s : spans()) {
                if (!s.isComment()) {
                    java.util.Arrays.fill(bare, s.start(), s.end(), ' ');
                }
            }
        }
        return bare;
    }

    /** Where the name starts that is called with the parenthesis closing at {@code close}, or -1. */
    int calledNameBefore(int close) {
        char[] text = code();
        int depth = 0;
        int i = close;
        for (; i >= 0; i--) {
            if (text[i] == ')') {
                depth++;
            } else if (text[i] == '(' && --depth == 0) {
                break;
            } else if (text[i] == ';' || text[i] == '{' || text[i] == '}') {
                return -1;
            }
        }
        Word name = i > 0 ? wordBefore(text, i) : null;
        return name == null ? -1 : name.start();
    }
}
