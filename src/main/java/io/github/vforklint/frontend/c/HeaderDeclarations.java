package io.github.vforklint.frontend.c;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link HeaderPruning} needs to know of one file, read from its text once a scan: the
 * identifiers it names (directives included: a macro's replacement names what the macro's users
 * call), and what it declares that a parse can leave out, each with the one name it declares:
 * <ul>
 * <li>top-level function declarations and definitions, of the shape
 * {@code specifiers name(parameters) attributes;} or {@code ... {body}}: a typedef, a struct, an
 * enum, a variable, a declaration with several declarators or one that spans a directive is never
 * listed, and a file whose braces do not balance outside its directives lists none;</li>
 * <li>macro definitions, but those that make one name another ({@code #define vfork fork}), which
 * the analysis reports whether or not the code uses them.</li>
 * </ul>
 */
final class HeaderDeclarations {

    /** A declaration or definition {@code [start, end)} of {@code name}, which it names {@code uses} times. */
    record Declaration(int start, int end, String name, int uses) {
    }

    /** Words that open a parenthesised attribute, not a parameter list. */
    private static final Set<String> ATTRIBUTES = Set.of("__attribute__", "__attribute", "__declspec", "_Alignas",
            "alignas", "__asm__", "__asm", "asm");

    /** Keywords that cannot be the name before a parameter list. */
    private static final Set<String> KEYWORDS = Set.of("auto", "break", "case", "char", "const", "continue", "default",
            "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
            "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
            "unsigned", "void", "volatile", "while", "_Bool", "_Complex", "_Noreturn", "_Static_assert",
            "static_assert", "_Generic", "_Atomic", "_Thread_local", "_Alignof", "alignof", "__alignof__", "typeof",
            "__typeof__", "__typeof", "__extension__", "__inline", "__inline__", "__restrict", "__restrict__",
            "__const", "__volatile__", "__signed__", "__int128", "__builtin_va_list");

    private final Map<String, Integer> counts;
    private final List<Directives.Directive> directives;
    /** Read when first asked: most files a unit can include are only asked what they name. */
    private volatile List<Declaration> removable;

    private HeaderDeclarations(Map<String, Integer> counts, List<Directives.Directive> directives) {
        this.counts = counts;
        this.directives = directives;
    }

    /**
     * The declarations and macro definitions a parse can leave out when nothing else names them, in
     * text order; {@code text} is the file's, which is not kept here.
     */
    List<Declaration> removable(char[] text) {
        List<Declaration> known = removable;
        if (known == null) {
            List<CTokens.Token> tokens = CTokens.of(text, 0, text.length, false);
            List<Declaration> found = new ArrayList<>(new Reader(outsideDirectives(tokens, directives), directives).functions());
            found.addAll(macros(text, directives));
            found.sort(java.util.Comparator.comparingInt(Declaration::start));
            known = List.copyOf(found);
            removable = known;
        }
        return known;
    }

    /** Whether the file names {@code identifier} anywhere outside its comments. */
    boolean names(String identifier) {
        return counts.containsKey(identifier);
    }

    /** How often the file names {@code identifier} outside its comments. */
    int count(String identifier) {
        return counts.getOrDefault(identifier, 0);
    }

    static HeaderDeclarations of(char[] text, List<Directives.Directive> directives) {
        List<CTokens.Token> all = CTokens.of(text, 0, text.length, false);
        Map<String, Integer> counts = new HashMap<>();
        for (CTokens.Token t : all) {
            if (t.isIdentifier()) {
                counts.merge(t.text(), 1, Integer::sum);
            }
        }
        return new HeaderDeclarations(counts, directives);
    }

    private static List<Declaration> macros(char[] text, List<Directives.Directive> directives) {
        List<Declaration> macros = new ArrayList<>();
        for (Directives.Directive d : directives) {
            if (d.kind() != Directives.Kind.DEFINE || d.name().isEmpty()) {
                continue;
            }
            List<CTokens.Token> tokens = CTokens.of(text, d.start(), d.end(), false);
            char[] replacement = d.argument().toCharArray();
            List<CTokens.Token> image = CTokens.of(replacement, 0, replacement.length, false);
            if (image.size() == 1 && image.get(0).isIdentifier()) {
                continue;
            }
            int uses = (int) tokens.stream().filter(t -> t.isIdentifier() && t.is(d.name())).count();
            macros.add(new Declaration(d.start(), d.end(), d.name(), uses));
        }
        return macros;
    }

    private static List<CTokens.Token> outsideDirectives(List<CTokens.Token> tokens, List<Directives.Directive> directives) {
        List<CTokens.Token> code = new ArrayList<>(tokens.size());
        int d = 0;
        for (CTokens.Token t : tokens) {
            while (d < directives.size() && directives.get(d).end() <= t.start()) {
                d++;
            }
            if (d < directives.size() && directives.get(d).start() <= t.start()) {
                continue;
            }
            code.add(t);
        }
        return code;
    }

    /** Splits the tokens outside directives into top-level declarations and keeps the functions'. */
    private static final class Reader {
        private final List<CTokens.Token> tokens;
        private final int[] directiveStarts;
        private final List<Declaration> found = new ArrayList<>();

        Reader(List<CTokens.Token> tokens, List<Directives.Directive> directives) {
            this.tokens = tokens;
            this.directiveStarts = directives.stream().mapToInt(Directives.Directive::start).toArray();
        }

        List<Declaration> functions() {
            int depth = 0;
            int linkage = 0; // open extern "C" { blocks, whose braces hold declarations as the top level does
            int first = 0;
            int braceGroups = 0;
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i).text();
                if (depth == 0 && i == first && t.equals("extern") && i + 2 < tokens.size()
                        && tokens.get(i + 1).type() == CTokens.Type.STRING && tokens.get(i + 2).is("{")) {
                    linkage++;
                    i += 2;
                    first = i + 1;
                    continue;
                }
                switch (t) {
                    case "(", "[", "{" -> {
                        if (depth == 0 && t.equals("{")) {
                            braceGroups++;
                        }
                        depth++;
                    }
                    case ")", "]", "}" -> {
                        if (depth == 0) {
                            if (!t.equals("}") || linkage == 0 || i != first) {
                                return List.of(); // unbalanced outside directives: the top level is unknown
                            }
                            linkage--;
                            first = i + 1;
                            continue;
                        }
                        depth--;
                        if (depth == 0 && t.equals("}") && braceGroups == 1 && shape(first, i) != null) {
                            take(first, i);
                            first = i + 1;
                            braceGroups = 0;
                        }
                    }
                    case ";" -> {
                        if (depth == 0) {
                            take(first, i);
                            first = i + 1;
                            braceGroups = 0;
                        }
                    }
                    default -> {
                    }
                }
            }
            return depth == 0 && linkage == 0 ? found : List.of();
        }

        /** Keeps tokens {@code [first, last]} when they declare or define one function and span no directive. */
        private void take(int first, int last) {
            String name = first <= last ? shape(first, last) : null;
            if (name == null || spansDirective(first, last) || oldStyleBodyFollows(last)) {
                return;
            }
            int uses = 0;
            for (int i = first; i <= last; i++) {
                if (tokens.get(i).isIdentifier() && tokens.get(i).is(name)) {
                    uses++;
                }
            }
            found.add(new Declaration(tokens.get(first).start(), tokens.get(last).end(), name, uses));
        }

        /**
         * The function's name when tokens {@code [first, last]} read
         * {@code specifiers name(parameters) attributes} and then {@code ;} or a body; else null.
         */
        private String shape(int first, int last) {
            int open = -1;
            for (int i = first; i <= last; i++) {
                CTokens.Token t = tokens.get(i);
                if (t.is("typedef") || t.is("=") || t.is(",") || t.is("{") || t.is("[")) {
                    return null;
                }
                if (t.is("(")) {
                    CTokens.Token before = i > first ? tokens.get(i - 1) : null;
                    if (before != null && ATTRIBUTES.contains(before.text())) {
                        i = CTokens.matching(tokens, i);
                        if (i < 0 || i > last) {
                            return null;
                        }
                        continue;
                    }
                    open = i;
                    break;
                }
            }
            if (open <= first) {
                return null;
            }
            CTokens.Token name = tokens.get(open - 1);
            if (!name.isIdentifier() || KEYWORDS.contains(name.text()) || ATTRIBUTES.contains(name.text())) {
                return null;
            }
            int close = CTokens.matching(tokens, open);
            if (close < 0 || close >= last) {
                return null;
            }
            boolean identifierList = identifierList(open, close);
            boolean trailingWords = false;
            for (int i = close + 1; i <= last; i++) {
                CTokens.Token t = tokens.get(i);
                if (t.is(";") && i == last) {
                    return identifierList && trailingWords ? null : name.text();
                }
                if (t.is("{")) {
                    // a body: it must be the last group, and an old-style definition keeps its parameters' declarations
                    return CTokens.matching(tokens, i) == last && !(identifierList && trailingWords) ? name.text() : null;
                }
                if (t.isIdentifier() && ATTRIBUTES.contains(t.text()) && i + 1 <= last && tokens.get(i + 1).is("(")) {
                    i = CTokens.matching(tokens, i + 1);
                    if (i < 0 || i >= last) {
                        return null;
                    }
                } else if (t.isIdentifier() && !KEYWORDS.contains(t.text())) {
                    trailingWords = true; // an attribute macro (FAST_FUNC), or an old-style parameter's type
                } else {
                    return null;
                }
            }
            return null;
        }

        /** Whether the parameter list {@code (a, b)} names only identifiers: an old-style definition's, or a typedef's. */
        private boolean identifierList(int open, int close) {
            if (close == open + 1) {
                return false;
            }
            for (int i = open + 1; i < close; i++) {
                CTokens.Token t = tokens.get(i);
                boolean expected = (i - open) % 2 == 1 ? t.isIdentifier() && !KEYWORDS.contains(t.text()) : t.is(",");
                if (!expected) {
                    return false;
                }
            }
            return true;
        }

        private boolean spansDirective(int first, int last) {
            int from = tokens.get(first).start();
            int to = tokens.get(last).end();
            int i = java.util.Arrays.binarySearch(directiveStarts, from);
            i = i < 0 ? -i - 1 : i;
            return i < directiveStarts.length && directiveStarts[i] < to;
        }

        /** A declaration followed by a brace is the head of an old-style definition. */
        private boolean oldStyleBodyFollows(int last) {
            return tokens.get(last).is(";") && last + 1 < tokens.size() && tokens.get(last + 1).is("{");
        }
    }
}
