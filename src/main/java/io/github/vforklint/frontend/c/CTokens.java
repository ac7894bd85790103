package io.github.vforklint.frontend.c;

import java.util.ArrayList;
import java.util.List;

/**
 * A rough C tokenizer for reading code the way a human skims it (which identifier comes before
 * which parenthesis), not for compiling: identifiers, numbers, string and character literals as
 * single tokens, comments and blanks skipped, every other character a token of its own.
 */
final class CTokens {

    enum Type { IDENTIFIER, NUMBER, STRING, PUNCT }

    /** One token: its text and where it is in the tokenized text. */
    record Token(Type type, String text, int start, int end) {
        boolean is(String s) {
            return text.equals(s);
        }

        boolean isIdentifier() {
            return type == Type.IDENTIFIER;
        }
    }

    /** One string per ASCII character: a file's brackets and operators are a third of its tokens. */
    private static final String[] PUNCTUATION = new String[128];

    static {
        for (char c = 0; c < PUNCTUATION.length; c++) {
            PUNCTUATION[c] = String.valueOf(c);
        }
    }

    private CTokens() {
    }

    /** The tokens of {@code text[from, to)}; preprocessor lines are skipped when {@code skipDirectives}. */
    static List<Token> of(char[] text, int from, int to, boolean skipDirectives) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        boolean lineStart = true;
        while (i < to) {
            char c = text[i];
            if (c == '\n') {
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b' || c == '\\' && i + 1 < to && text[i + 1] == '\n') {
                i++;
                continue;
            }
            if (c == '#' && lineStart && skipDirectives) {
                i = Directives.logicalLineEnd(text, i, to);
                continue;
            }
            lineStart = false;
            if (c == '/' && i + 1 < to && text[i + 1] == '*') {
                int close = indexOf(text, "*/", i + 2, to);
                i = close < 0 ? to : close + 2;
                continue;
            }
            if (c == '/' && i + 1 < to && text[i + 1] == '/') {
                while (i < to && text[i] != '\n') {
                    i++;
                }
                continue;
            }
            int start = i;
            if (Directives.isWordChar(c)) {
                while (i < to && Directives.isWordChar(text[i])) {
                    i++;
                }
                if (i < to && (text[i] == '"' || text[i] == '\'') && isEncodingPrefix(text, start, i)) {
                    i = literalEnd(text, i, to);
                    tokens.add(new Token(Type.STRING, new String(text, start, i - start), start, i));
                    continue;
                }
                Type type = Character.isDigit(c) ? Type.NUMBER : Type.IDENTIFIER;
                tokens.add(new Token(type, new String(text, start, i - start), start, i));
            } else if (c == '"' || c == '\'') {
                i = literalEnd(text, i, to);
                tokens.add(new Token(Type.STRING, new String(text, start, i - start), start, i));
            } else {
                i++;
                tokens.add(new Token(Type.PUNCT, c < PUNCTUATION.length ? PUNCTUATION[c] : String.valueOf(c), start, i));
            }
        }
        return tokens;
    }

    private static boolean isEncodingPrefix(char[] text, int from, int to) {
        String p = new String(text, from, to - from);
        return p.equals("L") || p.equals("u") || p.equals("U") || p.equals("u8");
    }

    private static int literalEnd(char[] text, int open, int to) {
        char quote = text[open];
        int i = open + 1;
        while (i < to && text[i] != quote && text[i] != '\n') {
            if (text[i] == '\\') {
                i++;
            }
            i++;
        }
        return Math.min(to, i + 1);
    }

    private static int indexOf(char[] text, String s, int from, int to) {
        outer:
        for (int i = from; i + s.length() <= to; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (text[i + k] != s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The index of the token closing the bracket at {@code open}, or -1. */
    static int matching(List<Token> tokens, int open) {
        String o = tokens.get(open).text();
        String c = switch (o) {
            case "(" -> ")";
            case "[" -> "]";
            case "{" -> "}";
            default -> throw new IllegalArgumentException(o);
        };
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            if (t.equals(o)) {
                depth++;
            } else if (t.equals(c)) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
