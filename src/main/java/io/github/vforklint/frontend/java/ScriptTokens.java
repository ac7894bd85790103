package io.github.vforklint.frontend.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens of a Groovy or Kotlin build script: identifiers, numbers, string literals (single,
 * double and triple quoted, with their templates marked) and single punctuation characters.
 * Comments and blanks are dropped. Enough to read calls such as
 * {@code jvmArgs("-D...")}, {@code systemProperty "k", "v"} and
 * {@code languageVersion = JavaLanguageVersion.of(21)} without evaluating a script.
 */
final class ScriptTokens {

    enum Kind { IDENT, NUMBER, STRING, PUNCT }

    /**
     * @param text         for strings, the content between the quotes (escapes kept as written)
     * @param start        offset of the first character (the opening quote of a string)
     * @param interpolated a string with a template ({@code $name}, {@code ${...}}) in it
     */
    record Token(Kind kind, String text, int start, boolean interpolated) {
        boolean is(String punctOrIdent) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrIdent);
        }
    }

    private ScriptTokens() {
    }

    static List<Token> of(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '\'') {
                boolean triple = s.startsWith(String.valueOf(c).repeat(3), i);
                String quote = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int from = i + quote.length();
                int j = from;
                while (j < n && !s.startsWith(quote, j) && (triple || s.charAt(j) != '\n')) {
                    j += s.charAt(j) == '\\' && !triple ? 2 : 1;
                }
                String content = s.substring(from, Math.min(j, n));
                tokens.add(new Token(Kind.STRING, content, i, c == '"' && content.contains("$")));
                i = Math.min(n, j + quote.length());
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.IDENT, s.substring(i, j), i, false));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, s.substring(i, j), i, false));
                i = j;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), i, false));
                i++;
            }
        }
        return tokens;
    }
}
