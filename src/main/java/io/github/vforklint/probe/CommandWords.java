package io.github.vforklint.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits option values such as {@code --run-with "qemu-aarch64 -L /usr/aarch64-linux-gnu"} into
 * words the way a POSIX shell would for the common cases (blanks, single and double quotes,
 * backslash), so that users can paste what they would type, without a shell being involved.
 */
public final class CommandWords {
    private CommandWords() {}

    public static List<String> split(String line) throws ProbeException {
        List<String> words = new ArrayList<>();
        if (line == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                        && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
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
        if (quote != 0) {
            throw ProbeException.usage("unbalanced " + quote + " quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
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
