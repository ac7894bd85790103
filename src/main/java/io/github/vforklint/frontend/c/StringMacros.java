package io.github.vforklint.frontend.c;

import io.github.vforklint.knowledge.NameSpelling;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * For {@link MacroRecovery}: C writes no name next to a string literal, so an unknown one there is
 * a macro for a string, whatever its spelling: {@code execl(BINDIR "/helper", ...)} and
 * {@code printf("%" PRIu64 "\n", n)} otherwise lose the whole call, and with it what the vfork
 * child does there. Defined as an empty string, when it begins like a macro: the tokens read
 * include {@code #if} branches the parse skipped, where a variable can stand next to a string
 * ({@code execl(\n#ifdef DEBUG\n "/bin/echo"\n#else\n shell\n#endif\n, ...)}). A known macro can hide one (uClibc-ng's ldd.c:
 * {@code TRUSTED_LDSO} is {@code UCLIBC_RUNTIME_PREFIX "lib/" UCLIBC_LDSO}; busybox's crond.c:
 * {@code INIT_G()} sets a path to {@code CONFIG_FEATURE_CROND_DIR "/crontabs"}), and so can it
 * hide an unknown function-like macro written next to a string ({@code OPTION_STR} is
 * {@code "anvf" IF_FEATURE_IFUPDOWN_MAPPING("m") "i:"}), which passes its tokens through.
 */
final class StringMacros {

    private final Predicate<String> unknown;
    private final Condition.Macros expansions;
    private final Map<String, String> strings = new TreeMap<>();
    private final Set<String> hiddenCalls = new TreeSet<>();

    StringMacros(Predicate<String> unknown, Condition.Macros expansions) {
        this.unknown = unknown;
        this.expansions = expansions;
    }

    /** The string macros found, each defined as {@code ""}. */
    Map<String, String> strings() {
        return strings;
    }

    /** The function-like macros found next to strings inside known macros. */
    Set<String> hiddenCalls() {
        return hiddenCalls;
    }

    /** Reads tokens of code that did not parse. */
    void read(List<CTokens.Token> tokens) {
        read(tokens, Set.of(), false, false, 0, new HashSet<>());
    }

    /**
     * @param parameters   the parameters of the macro these tokens replace: no macros
     * @param stringBefore whether a string literal comes just before these tokens, and so on
     */
    private void read(List<CTokens.Token> tokens, Set<String> parameters, boolean stringBefore, boolean stringAfter,
                      int depth, Set<String> visited) {
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (!t.isIdentifier() || parameters.contains(t.text()) || i > 0 && tokens.get(i - 1).is("#")) {
                continue;
            }
            // a function-like macro's expansion is read as if nothing stood around it
            boolean called = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            boolean before = i == 0 ? stringBefore : stringAt(tokens, i - 1);
            boolean after = i + 1 == tokens.size() ? stringAfter : stringAt(tokens, i + 1);
            if (unknown.test(t.text())) {
                if (!called && (before || after) && NameSpelling.startsLikeAMacro(t.text())) {
                    // a lower-case word is likelier a variable in an #if branch the parse skipped
                    strings.putIfAbsent(t.text(), "\"\"");
                } else if (called && depth > 0 && MacroRecovery.macroLooking(t.text())) {
                    int close = CTokens.matching(tokens, i + 1);
                    if (before || close > 0 && stringAt(tokens, close + 1)) {
                        hiddenCalls.add(t.text());
                    }
                }
                continue;
            }
            String expansion = depth < MacroRecovery.EXPANSION_DEPTH && !visited.contains(t.text())
                    ? expansions.valueOf(t.text()) : null;
            if (expansion != null && !expansion.isBlank()) {
                char[] chars = expansion.toCharArray();
                visited.add(t.text());
                read(CTokens.of(chars, 0, chars.length, true), expansions.parametersOf(t.text()),
                        !called && before, !called && after, depth + 1, visited);
                visited.remove(t.text());
            }
        }
    }

    /** Whether {@code [from, to)} is one or more string literals and nothing else. */
    static boolean onlyStrings(List<CTokens.Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!stringAt(tokens, i)) {
                return false;
            }
        }
        return to > from;
    }

    /** Whether the token at {@code i} is a string literal (not a character constant), with any encoding prefix. */
    static boolean stringAt(List<CTokens.Token> tokens, int i) {
        if (i < 0 || i >= tokens.size() || tokens.get(i).type() != CTokens.Type.STRING) {
            return false;
        }
        String literal = tokens.get(i).text();
        int quote = literal.indexOf('"');
        int apostrophe = literal.indexOf('\'');
        return quote >= 0 && (apostrophe < 0 || quote < apostrophe);
    }
}
