package io.github.vforklint.frontend.c;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a declaration read from its tokens alone, with no parser: where a top-level
 * construct ends, the tokens before its body or initializer, which identifier is the declarator's
 * name, what a macro's arguments hold. {@link MacroRecovery} reads code that did not parse with
 * these, and {@link CUnit} names the function such code belongs to.
 */
final class DeclarationShape {

    private static final int CONSTRUCT_WINDOW = 4096;

    private DeclarationShape() {
    }

    /** +1 for a token that opens a bracket ({@code ( [ {}), -1 for one that closes one, else 0. */
    static int nesting(CTokens.Token t) {
        if (t.is("(") || t.is("[") || t.is("{")) {
            return 1;
        }
        return t.is(")") || t.is("]") || t.is("}") ? -1 : 0;
    }

    /** The extent of a top-level construct starting at {@code from}: to its {@code ;} or the end of its body. */
    static int constructEnd(char[] text, int from) {
        // Read in growing windows, not to the end of the file: a file with many stretches that
        // did not parse was tokenized from each of them to its end. A window's end can only cut
        // its last token short (a comment or string then runs to it), never make a bracket or a
        // ';' of something else, so an end found in a window is the end.
        for (long window = CONSTRUCT_WINDOW; ; window *= 4) {
            int to = (int) Math.min(text.length, from + window);
            int end = constructEnd(CTokens.of(text, from, to, true));
            if (end >= 0) {
                return end;
            }
            if (to == text.length) {
                return text.length;
            }
        }
    }

    /** Where the construct the tokens begin ends, or -1 when it goes on past them. */
    static int constructEnd(List<CTokens.Token> tokens) {
        int depth = 0;
        boolean body = false;
        for (CTokens.Token t : tokens) {
            switch (t.text()) {
                case "(", "[" -> depth++;
                case ")", "]" -> depth = Math.max(0, depth - 1);
                case "{" -> {
                    if (depth == 0) {
                        body = true;
                    }
                    depth++;
                }
                case "}" -> {
                    depth = Math.max(0, depth - 1);
                    if (depth == 0 && body) {
                        return t.end();
                    }
                }
                case ";" -> {
                    if (depth == 0 && !body) {
                        return t.end();
                    }
                }
                default -> {
                }
            }
        }
        return -1;
    }

    /**
     * The name of the function a top-level construct defines or declares, read as
     * {@link #declaration} reads it; null when it does not look like one.
     */
    static String functionName(char[] text, int from, int to) {
        List<CTokens.Token> tokens = CTokens.of(text, from, Math.min(to, text.length), true);
        List<CTokens.Token> head = head(tokens);
        if (head.size() >= 2 && head.get(0).isIdentifier() && head.get(1).is("(")) {
            int close = CTokens.matching(head, 1);
            if (close > 0 && close + 1 < head.size() && head.get(close + 1).is("(")) {
                String inner = firstIdentifier(head, 2, close);
                return inner != null ? inner : head.get(0).text();
            }
        }
        int name = declaratorName(head);
        return name < 0 ? null : head.get(name).text();
    }

    /** The tokens before the construct's body, initializer or end. */
    static List<CTokens.Token> head(List<CTokens.Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
            } else if (depth == 0 && (t.is("{") || t.is(";") || t.is("="))) {
                return tokens.subList(0, i);
            }
        }
        return tokens;
    }

    /**
     * The index of the declarator's name: an identifier followed by {@code (} at the top level;
     * when several are, the first that does not look like a macro. -1 when there is none.
     */
    static int declaratorName(List<CTokens.Token> head) {
        List<Integer> candidates = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i + 1 < head.size(); i++) {
            CTokens.Token t = head.get(i);
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
            } else if (depth == 0 && t.isIdentifier() && !MacroRecovery.KEYWORDS.contains(t.text()) && head.get(i + 1).is("(")) {
                candidates.add(i);
            }
        }
        for (int i : candidates) {
            if (!MacroRecovery.macroLooking(head.get(i).text())) {
                return i;
            }
        }
        if (candidates.isEmpty()) {
            return -1;
        }
        int first = candidates.get(0);
        CTokens.Token before = first > 0 ? head.get(first - 1) : null;
        if (before != null && before.isIdentifier() && !MacroRecovery.KEYWORDS.contains(before.text()) && first >= 2) {
            return first - 1;
        }
        return first;
    }

    static String firstIdentifier(List<CTokens.Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isIdentifier()) {
                return tokens.get(i).text();
            }
        }
        return null;
    }

    /** Whether the parenthesised arguments opening at {@code open} hold only {@code const}/{@code volatile}. */
    static boolean onlyQualifiers(List<CTokens.Token> head, int open, int limit) {
        boolean any = false;
        for (int j = open + 1; j < limit; j++) {
            CTokens.Token t = head.get(j);
            if (t.is(")")) {
                return any;
            }
            if (!(t.is("const") || t.is("volatile"))) {
                return false;
            }
            any = true;
        }
        return false;
    }

    /** Whether the arguments opening at {@code open} hold a {@code ;} outside braces. */
    static boolean takesAStatement(List<CTokens.Token> tokens, int open) {
        int close = CTokens.matching(tokens, open);
        int braces = 0;
        for (int j = open + 1; j < close; j++) {
            CTokens.Token t = tokens.get(j);
            if (t.is("{")) {
                braces++;
            } else if (t.is("}")) {
                braces--;
            } else if (t.is(";") && braces == 0) {
                return true;
            }
        }
        return false;
    }
}
