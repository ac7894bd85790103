package io.github.vforklint.frontend.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines joined where a backslash ends one (shell, Dockerfile, systemd and properties files all
 * continue lines this way), each with the offset where it starts in the file.
 */
final class LogicalLines {

    /** One logical line: its text without the continuations, and where it starts. */
    record Line(int start, String text) {
    }

    private LogicalLines() {
    }

    /**
     * @param dropCommentLines whether a physical line whose first non-blank character is '#'
     *                         inside a continued line is left out (Dockerfile and systemd do that)
     */
    static List<Line> of(String text, boolean dropCommentLines) {
        List<Line> lines = new ArrayList<>();
        StringBuilder current = null;
        int currentStart = 0;
        int i = 0;
        while (i <= text.length()) {
            int end = text.indexOf('\n', i);
            if (end < 0) {
                end = text.length();
            }
            String physical = text.substring(i, end);
            if (physical.endsWith("\r")) {
                physical = physical.substring(0, physical.length() - 1);
            }
            boolean comment = physical.stripLeading().startsWith("#");
            if (current == null) {
                current = new StringBuilder();
                currentStart = i;
            } else if (dropCommentLines && comment) {
                i = end + 1;
                continue;
            }
            if (continues(physical) && !(comment && current.isEmpty())) {
                current.append(physical, 0, physical.length() - 1).append(' ');
            } else {
                current.append(physical);
                lines.add(new Line(currentStart, current.toString()));
                current = null;
            }
            if (end == text.length()) {
                break;
            }
            i = end + 1;
        }
        if (current != null && !current.isEmpty()) {
            lines.add(new Line(currentStart, current.toString()));
        }
        return lines;
    }

    /** An odd number of trailing backslashes continues the line. */
    static boolean continues(String physical) {
        int n = 0;
        for (int i = physical.length() - 1; i >= 0 && physical.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
