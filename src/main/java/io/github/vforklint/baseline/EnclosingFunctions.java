package io.github.vforklint.baseline;

import io.github.vforklint.source.CommentsAndLiterals;
import io.github.vforklint.source.SourceText;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The function definitions of a C file, found from its text alone: a top-level {@code name(...)}
 * followed by a brace block. A fingerprint needs the name of the function around a finding, for
 * any file, whether or not it parsed; this never fails, and on code it cannot read (K&R
 * definitions, unbalanced braces across {@code #if} branches) it still gives the same answer
 * every time, which is all a fingerprint asks for.
 */
public final class EnclosingFunctions {

    /** Words followed by parentheses at file scope that do not name the declared function. */
    private static final Set<String> NOT_NAMES = Set.of("__attribute__", "__attribute", "__declspec", "_Alignas",
            "alignas", "__asm__", "__asm", "asm", "typeof", "__typeof__", "__typeof", "sizeof", "_Static_assert",
            "static_assert", "int", "char", "void", "long", "short", "unsigned", "signed", "float", "double");

    /** A definition: its name and the lines of its body braces. */
    record Function(String name, int firstLine, int lastLine) {
    }

    private final List<Function> functions;

    private EnclosingFunctions(List<Function> functions) {
        this.functions = functions;
    }

    public static EnclosingFunctions of(SourceText source) {
        char[] code = masked(source.chars());
        return new EnclosingFunctions(new Finder(source, code).find());
    }

    /** The name of the function whose body holds the line, or "" outside every function. */
    public String at(int line) {
        for (Function f : functions) {
            if (line >= f.firstLine() && line <= f.lastLine()) {
                return f.name();
            }
        }
        return "";
    }

    List<Function> functions() {
        return functions;
    }

    /** Comments, literal contents and preprocessor lines blanked out, so only code braces and words remain. */
    private static char[] masked(char[] text) {
        List<CommentsAndLiterals.Span> spans = CommentsAndLiterals.scan(text);
        char[] code = CommentsAndLiterals.withoutComments(text, spans);
        for (CommentsAndLiterals.Span s : spans) {
            if (!s.isComment()) {
                for (int i = s.start() + 1; i < s.end() - 1; i++) {
                    if (code[i] != '\n') {
                        code[i] = ' ';
                    }
                }
            }
        }
        boolean lineStart = true;
        for (int i = 0; i < code.length; i++) {
            char c = code[i];
            if (lineStart && c == '#') {
                i = blankDirective(code, i);
                continue;
            }
            if (c == '\n') {
                lineStart = true;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                lineStart = false;
            }
        }
        return code;
    }

    /** Blanks a preprocessor directive and its backslash-continued lines; returns the offset before its line break. */
    private static int blankDirective(char[] code, int from) {
        char lastVisible = '\0';
        for (int i = from; i < code.length; i++) {
            char c = code[i];
            if (c == '\n') {
                if (lastVisible != '\\') {
                    return i - 1;
                }
                lastVisible = '\0';
            } else {
                if (c != ' ' && c != '\t' && c != '\r') {
                    lastVisible = c;
                }
                code[i] = ' ';
            }
        }
        return code.length;
    }

    /** One pass over the masked code, tracking brace and parenthesis depth at file scope. */
    private static final class Finder {
        private final SourceText source;
        private final char[] code;
        private final List<Function> found = new ArrayList<>();

        Finder(SourceText source, char[] code) {
            this.source = source;
            this.code = code;
        }

        List<Function> find() {
            int braces = 0;
            int parens = 0;
            String lastWord = null;
            String candidate = null;
            boolean initializer = false;
            String current = null;
            int bodyStart = 0;
            int i = 0;
            while (i < code.length) {
                char c = code[i];
                if (Character.isJavaIdentifierStart(c)) {
                    int end = i;
                    while (end < code.length && Character.isJavaIdentifierPart(code[end])) {
                        end++;
                    }
                    if (braces == 0) {
                        lastWord = new String(code, i, end - i);
                    }
                    i = end;
                    continue;
                }
                if (braces == 0) {
                    switch (c) {
                        case '(' -> {
                            if (parens == 0 && lastWord != null && !NOT_NAMES.contains(lastWord)) {
                                candidate = lastWord;
                            }
                            parens++;
                        }
                        case ')' -> parens = Math.max(0, parens - 1);
                        case '=' -> initializer |= parens == 0;
                        case ';' -> {
                            if (parens == 0) {
                                candidate = null;
                                initializer = false;
                            }
                        }
                        case '{' -> {
                            braces = 1;
                            current = parens == 0 && !initializer ? candidate : null;
                            bodyStart = i;
                            candidate = null;
                            initializer = false;
                            parens = 0;
                        }
                        default -> {
                        }
                    }
                    if (!Character.isWhitespace(c) && c != '(') {
                        lastWord = null;
                    }
                } else if (c == '{') {
                    braces++;
                } else if (c == '}') {
                    braces--;
                    if (braces == 0) {
                        if (current != null) {
                            found.add(new Function(current, source.lineOf(bodyStart), source.lineOf(i)));
                        }
                        current = null;
                    }
                }
                i++;
            }
            return List.copyOf(found);
        }
    }
}
