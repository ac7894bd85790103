package io.github.vforklint.frontend.java;

import io.github.vforklint.finding.Location;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell scripts: every logical line split into commands and words; lines of a here-document
 * (often a generated jvm.config or options file) are read as option lists.
 */
final class ShellScriptReader {

    /** {@code <<EOF}, {@code <<-'EOF'}, {@code << "EOF"} in one word list (applied to a single line). */
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?");

    private ShellScriptReader() {
    }

    static void read(JvmFile file, Observed out) {
        List<LogicalLines.Line> lines = LogicalLines.of(file.chars(), false);
        String heredocEnd = null;
        for (LogicalLines.Line line : lines) {
            String text = line.text();
            if (heredocEnd != null) {
                if (text.strip().equals(heredocEnd)) {
                    heredocEnd = null;
                } else if (LaunchOption.isArgumentList(text)) {
                    int cursor = line.start();
                    for (LaunchOption.Hit hit : LaunchOption.in(text)) {
                        JvmFile.Found next = file.next(cursor, hit.option());
                        Location at = next.at();
                        cursor = next.after();
                        out.setting(at, hit.value(), "a here-document in " + file.fileName(), null, false);
                    }
                }
                continue;
            }
            if (text.stripLeading().startsWith("#")) {
                continue;
            }
            int cursor = line.start();
            for (ShellCommands.Found f : ShellCommands.in(text)) {
                JvmFile.Found next = file.next(cursor, f.hit().option());
                Location at = next.at();
                cursor = next.after();
                out.setting(at, f.hit().value(), f.via() + " in " + file.fileName(), null, false);
            }
            Matcher m = HEREDOC.matcher(text);
            if (m.find() && !insideQuotes(text, m.start())) {
                heredocEnd = m.group(1);
            }
        }
    }

    private static boolean insideQuotes(String text, int index) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
        }
        return single || dbl;
    }
}
