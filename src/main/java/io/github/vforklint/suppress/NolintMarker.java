package io.github.vforklint.suppress;

/**
 * The first clang-tidy marker in a comment, {@code NOLINT}, {@code NOLINTNEXTLINE},
 * {@code NOLINTBEGIN} or {@code NOLINTEND} followed by a parenthesised check list, found by a
 * single pass over the text. A hand scanner, not a regular expression: comments come from the
 * scanned tree, and a backtracking pattern lets one crafted comment stall a scan.
 *
 * @param kind   "", "NEXTLINE", "BEGIN" or "END"
 * @param checks the text between the parentheses
 * @param rest   what follows the closing parenthesis (the reason)
 */
record NolintMarker(String kind, String checks, String rest) {

    private static final String WORD = "NOLINT";
    private static final String[] KINDS = {"NEXTLINE", "BEGIN", "END"};

    /** The first marker with a closed check list, or null. */
    static NolintMarker find(String comment) {
        int from = 0;
        while (true) {
            int at = comment.indexOf(WORD, from);
            if (at < 0) {
                return null;
            }
            from = at + 1;
            if (at > 0 && isWordChar(comment.charAt(at - 1))) {
                continue;
            }
            int next = at + WORD.length();
            String kind = "";
            for (String k : KINDS) {
                if (comment.startsWith(k, next) && comment.startsWith("(", next + k.length())) {
                    kind = k;
                    break;
                }
            }
            int open = next + kind.length();
            if (!comment.startsWith("(", open)) {
                continue;
            }
            int close = comment.indexOf(')', open + 1);
            if (close < 0) {
                // No later marker can have a closing parenthesis either.
                return null;
            }
            return new NolintMarker(kind, comment.substring(open + 1, close), comment.substring(close + 1));
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
