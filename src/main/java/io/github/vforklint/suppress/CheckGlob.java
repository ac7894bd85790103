package io.github.vforklint.suppress;

import java.util.Locale;

/**
 * One clang-tidy check glob ({@code vforklint-*}, {@code vforklint-VFK10*}): {@code *} matches any
 * run of characters, everything else itself, ignoring case. Matched by the two-pointer method,
 * which backtracks only to the last star, so the time is bounded by the lengths of the glob and
 * the name whatever the glob holds (a regular expression of {@code .*.*.*...} is exponential).
 */
final class CheckGlob {

    private final String glob;
    private final int literalLength;

    CheckGlob(String glob) {
        this.glob = collapseStars(glob.toLowerCase(Locale.ROOT));
        this.literalLength = (int) this.glob.chars().filter(c -> c != '*').count();
    }

    boolean matches(String name) {
        String text = name.toLowerCase(Locale.ROOT);
        if (literalLength > text.length()) {
            return false;
        }
        int g = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = t;
            } else if (g < glob.length() && glob.charAt(g) == text.charAt(t)) {
                g++;
                t++;
            } else if (star >= 0) {
                g = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    private static String collapseStars(String glob) {
        StringBuilder out = new StringBuilder(glob.length());
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' || out.isEmpty() || out.charAt(out.length() - 1) != '*') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
