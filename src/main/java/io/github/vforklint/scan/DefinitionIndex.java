package io.github.vforklint.scan;

import io.github.vforklint.source.SourceFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which files appear to define which functions, from a text pass over the whole tree: a line that
 * starts at column 0 with a name, whose first parenthesis closes before a '{' (not a ';'). It may
 * name a few files that do not define the function after all; those only cost a parse. Parsing
 * every file instead would make a whole-tree scan as slow as a build.
 */
final class DefinitionIndex {

    private static final Set<String> NOT_FUNCTIONS = Set.of("if", "while", "for", "switch", "return", "sizeof", "do",
            "else", "case", "typedef", "struct", "union", "enum");
    private static final Set<String> ATTRIBUTES = Set.of("__attribute__", "__attribute", "__declspec", "_Alignas");
    private static final int MAX_HEADER_LENGTH = 4000;

    private final Map<String, List<Path>> files = new HashMap<>();

    static DefinitionIndex build(List<Path> sources, SourceFiles texts) {
        DefinitionIndex index = new DefinitionIndex();
        for (Path file : sources) {
            index.scan(file, texts.get(file.toString()).chars());
        }
        return index;
    }

    List<Path> filesDefining(String function) {
        return files.getOrDefault(function, List.of());
    }

    private void scan(Path file, char[] text) {
        int lineStart = 0;
        while (lineStart < text.length) {
            int lineEnd = lineStart;
            while (lineEnd < text.length && text[lineEnd] != '\n') {
                lineEnd++;
            }
            if (Character.isJavaIdentifierStart(text[lineStart]) && text[lineStart] != '$') {
                String name = definedName(text, lineStart, lineEnd);
                if (name != null) {
                    List<Path> list = files.computeIfAbsent(name, k -> new ArrayList<>(1));
                    if (!list.contains(file)) {
                        list.add(file);
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    /**
     * The function this line starts to define, or null: the name before the first parenthesis
     * that is not an attribute's ({@code __attribute__((noreturn)) void die(...)}), outside
     * comments.
     */
    private static String definedName(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c == '/' && i + 1 < end && text[i + 1] == '*') {
                int close = indexOf(text, "*/", i + 2, end);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
                continue;
            }
            if (c == ';' || c == '=' || c == '{' || c == '#' || c == '/' && i + 1 < end && text[i + 1] == '/') {
                return null;
            }
            if (c != '(') {
                continue;
            }
            String name = identifierBefore(text, start, i);
            if (name == null) {
                return null;
            }
            if (ATTRIBUTES.contains(name)) {
                i = closing(text, i, end);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            return NOT_FUNCTIONS.contains(name) || !opensBody(text, i) ? null : name;
        }
        return null;
    }

    private static String identifierBefore(char[] text, int start, int paren) {
        int nameEnd = paren;
        while (nameEnd > start && Character.isWhitespace(text[nameEnd - 1])) {
            nameEnd--;
        }
        int nameStart = nameEnd;
        while (nameStart > start && Character.isJavaIdentifierPart(text[nameStart - 1])) {
            nameStart--;
        }
        return nameStart == nameEnd ? null : new String(text, nameStart, nameEnd - nameStart);
    }

    /** The index of the parenthesis that closes the one at {@code open} on this line, or -1. */
    private static int closing(char[] text, int open, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            if (text[i] == '(') {
                depth++;
            } else if (text[i] == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(char[] text, String what, int from, int end) {
        outer:
        for (int i = from; i + what.length() <= end; i++) {
            for (int k = 0; k < what.length(); k++) {
                if (text[i + k] != what.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether the parenthesised list at {@code open} is followed by a body rather than a ';'. */
    private static boolean opensBody(char[] text, int open) {
        int depth = 0;
        int limit = Math.min(text.length, open + MAX_HEADER_LENGTH);
        int i = open;
        for (; i < limit; i++) {
            if (text[i] == '(') {
                depth++;
            } else if (text[i] == ')' && --depth == 0) {
                break;
            }
        }
        for (i++; i < limit; i++) {
            if (text[i] == '{') {
                return true;
            }
            if (text[i] == ';' || text[i] == '}' || text[i] == '=') {
                return false;
            }
        }
        return false;
    }
}
