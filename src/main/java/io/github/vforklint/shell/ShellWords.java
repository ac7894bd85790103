package io.github.vforklint.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way a POSIX shell does for words: blanks separate, single quotes keep
 * everything, double quotes keep all but {@code \"}, {@code \\}, {@code \$} and {@code \`}, and a
 * backslash outside quotes escapes the next character. No expansion of any kind happens, and
 * nothing is run: compilation database commands and options such as
 * {@code --run-with "qemu-aarch64 -L /usr/aarch64-linux-gnu"} are read this way.
 */
public final class ShellWords {

    private ShellWords() {
    }

    /** @throws IllegalArgumentException for an unterminated quote */
    public static List<String> split(String command) {
        if (command == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote in: " + command);
                }
                word.append(command, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(command, i + 1, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                if (command.charAt(i + 1) != '\n') {
                    word.append(command.charAt(i + 1));
                    inWord = true;
                }
                i++;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a double-quoted part starting at {@code start}; returns the index of the closing quote. */
    private static int doubleQuoted(String command, int start, StringBuilder word) {
        for (int i = start; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                word.append(command.charAt(++i));
            } else {
                word.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated double quote in: " + command);
    }

    /** Quotes words for display so that a reader can paste the command back into a shell. */
    public static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (!w.isEmpty() && w.matches("[A-Za-z0-9_@%+=:,./-]+")) {
                out.append(w);
            } else {
                out.append('\'').append(w.replace("'", "'\\''")).append('\'');
            }
        }
        return out.toString();
    }
}
