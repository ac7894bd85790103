package io.github.vforklint.frontend.java;

import io.github.vforklint.shell.ShellWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One shell command line (a script's logical line, a Dockerfile RUN, a systemd ExecStart) split
 * into simple commands and words as a POSIX shell does, then searched word by word for the
 * launch-mechanism option. Nothing is expanded or run.
 */
final class ShellCommands {

    private static final Set<String> SEPARATORS = Set.of("&&", "||", ";", "|", "&", ";;");
    /** Commands whose arguments are text to show, not options for a JVM. */
    private static final Set<String> TEXT_COMMANDS = Set.of("echo", "printf", "logger", "log");

    /**
     * One option in the command line.
     *
     * @param via        the variable that carries it, or the command it is an argument of
     * @param lastExport it is in an {@code export} with no command after it on this line
     */
    record Found(LaunchOption.Hit hit, String via, boolean lastExport) {
    }

    private ShellCommands() {
    }

    static List<Found> in(String line) {
        List<String> words = words(line);
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("#")) {
                break;
            }
            boolean ends = w.endsWith(";") && !w.endsWith("\\;");
            String word = ends ? w.substring(0, w.length() - 1) : w;
            if (SEPARATORS.contains(w)) {
                commands.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (!word.isEmpty()) {
                current.add(word);
            }
            if (ends) {
                commands.add(current);
                current = new ArrayList<>();
            }
        }
        commands.add(current);
        commands.removeIf(List::isEmpty);

        List<Found> found = new ArrayList<>();
        for (int c = 0; c < commands.size(); c++) {
            List<String> command = commands.get(c);
            boolean export = command.get(0).equals("export") || command.get(0).equals("declare")
                    && command.size() > 1 && command.get(1).equals("-x");
            String name = null;
            for (String w : command) {
                if (name == null && !export && !isAssignment(w)) {
                    name = w;
                }
            }
            if (name != null && TEXT_COMMANDS.contains(name)) {
                continue;
            }
            for (String w : command) {
                String via = isAssignment(w) ? w.substring(0, w.indexOf('='))
                        : "the `" + (name == null ? w : name) + "` command line";
                // A quoted word with blanks is an option list (JAVA_TOOL_OPTIONS="-Xmx1g -D...") or prose (echo "try -D...").
                String value = isAssignment(w) ? w.substring(w.indexOf('=') + 1) : w;
                if (value.strip().contains(" ") && !LaunchOption.isArgumentList(value)) {
                    continue;
                }
                for (LaunchOption.Hit hit : LaunchOption.in(w)) {
                    found.add(new Found(hit, via, export && c == commands.size() - 1));
                }
            }
        }
        return found;
    }

    /** POSIX word splitting; on an unbalanced quote (a line of prose), blanks alone. */
    static List<String> words(String line) {
        try {
            return ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            return List.of(line.trim().split("\\s+"));
        }
    }

    private static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && word.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
