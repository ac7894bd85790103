package io.github.vforklint.report;

/**
 * Text from the scanned tree (file names above all, which may hold any byte but '/' and NUL) made
 * safe to print: a newline in a name must not start a fake finding line, an escape character must
 * not drive the terminal, and XML 1.0 cannot hold most control characters at all. Control
 * characters, lone surrogates and U+FFFD (what an undecodable byte became) are written as
 * {@code \n}, {@code \t}, {@code \xNN} or a backslash, u and the code in braces.
 */
final class Printable {

    private Printable() {
    }

    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(text, i, c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(String text, int i, char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\t') {
            return "\\t";
        }
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == '\ufffd' || c == '\ufffe' || c == '\uffff') {
            return String.format("\\u{%04x}", (int) c);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null
                    : String.format("\\u{%04x}", (int) c);
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : String.format("\\u{%04x}", (int) c);
        }
        return null;
    }
}
