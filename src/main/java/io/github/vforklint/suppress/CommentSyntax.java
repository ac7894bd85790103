package io.github.vforklint.suppress;

import io.github.vforklint.source.CommentsAndLiterals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the comments of a file are, by the file's kind: C-style for C, Java, Groovy and Kotlin
 * (Gradle scripts); {@code <!-- -->} for XML (POMs); {@code #} for shell scripts, Dockerfiles,
 * YAML, properties, systemd units and Maven's option files. A {@code #} comment is a whole line
 * whose first non-blank character is {@code #}; in shell and YAML also the rest of a line after a
 * blank and a {@code #} outside quotes, as those languages read it.
 */
final class CommentSyntax {

    /** One comment: its text without the delimiters, and where it is ({@code end} exclusive). */
    record Comment(int start, int end, String body) {
    }

    private static final Set<String> HASH_SUFFIXES = Set.of(".sh", ".bash", ".ksh", ".zsh", ".yml", ".yaml",
            ".properties", ".service", ".config");
    private static final Set<String> TRAILING_HASH_SUFFIXES = Set.of(".sh", ".bash", ".ksh", ".zsh", ".yml", ".yaml");

    private CommentSyntax() {
    }

    /** @param path the file as findings show it; only its last name decides the syntax */
    static List<Comment> of(String path, char[] text) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        if (name.endsWith(".xml")) {
            return xml(new String(text));
        }
        if (isHash(name)) {
            return hash(new String(text), TRAILING_HASH_SUFFIXES.stream().anyMatch(name::endsWith));
        }
        List<Comment> comments = new ArrayList<>();
        for (CommentsAndLiterals.Span span : CommentsAndLiterals.scan(text)) {
            if (span.isComment()) {
                comments.add(new Comment(span.start(), span.end(), span.commentText(text)));
            }
        }
        return comments;
    }

    private static boolean isHash(String name) {
        return HASH_SUFFIXES.stream().anyMatch(name::endsWith) || name.equals("Dockerfile") || name.startsWith("Dockerfile.")
                || name.endsWith(".Dockerfile") || name.endsWith(".dockerfile") || name.equals("Containerfile");
    }

    private static List<Comment> xml(String text) {
        List<Comment> comments = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = text.indexOf("<!--", from);
            if (start < 0) {
                return comments;
            }
            int close = text.indexOf("-->", start + 4);
            int end = close < 0 ? text.length() : close + 3;
            comments.add(new Comment(start, end, text.substring(start + 4, close < 0 ? text.length() : close)));
            from = end;
        }
    }

    private static List<Comment> hash(String text, boolean trailing) {
        List<Comment> comments = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int hash = commentStart(text, lineStart, lineEnd, trailing);
            if (hash >= 0) {
                int end = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
                comments.add(new Comment(hash, end, text.substring(hash + 1, end)));
            }
            if (lineEnd == text.length()) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return comments;
    }

    private static int commentStart(String text, int from, int to, boolean trailing) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < to && text.charAt(i) == '#') {
            return i;
        }
        if (!trailing) {
            return -1;
        }
        char quote = 0;
        for (int k = i; k < to; k++) {
            char c = text.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    k++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                k++;
            } else if (c == '#' && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '\t')) {
                return k;
            }
        }
        return -1;
    }
}
