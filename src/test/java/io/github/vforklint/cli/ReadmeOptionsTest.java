package io.github.vforklint.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's option table of {@code vforklint check} and the command's options say the same:
 * every option the command takes is in the table, and the table names no option the command
 * does not take (Checkstyle's CLI/xdocs sync test, for the same reason: docs drift silently).
 */
class ReadmeOptionsTest {

    private static final Path README = Path.of(System.getProperty("vforklint.projectRoot", ".")).resolve("README.md");

    @Test
    void theOptionTableListsExactlyTheCheckCommandsOptions() throws IOException {
        Set<String> documented = documentedOptions();
        Set<String> taken = new TreeSet<>();
        CommandLine check = Main.commandLine().getSubcommands().get("check");
        for (OptionSpec option : check.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                taken.add(name);
                if (option.negatable() && name.startsWith("--")) {
                    taken.add("--no-" + name.substring(2));
                }
            }
        }
        Set<String> undocumented = new TreeSet<>(taken);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(taken);
        assertEquals(Set.of(), undocumented, "options of `vforklint check` missing from the README's table");
        assertEquals(Set.of(), unknown, "options in the README's table that `vforklint check` does not take");
    }

    /** Option names in the first column of the table under "## `vforklint check`". */
    private static Set<String> documentedOptions() throws IOException {
        String text = Files.readString(README);
        int section = text.indexOf("## `vforklint check`");
        int end = text.indexOf("\n## ", section + 1);
        List<String> firstColumns = new ArrayList<>();
        for (String line : text.substring(section, end < 0 ? text.length() : end).split("\n")) {
            if (line.startsWith("| `") || line.startsWith("| --") || line.startsWith("| -")) {
                firstColumns.add(line.substring(1, line.indexOf(" |", 1)));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("`(--?(?:\\[no-])?[A-Za-z][\\w-]*)").matcher(String.join(" ", firstColumns));
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("--[no-]")) {
                names.add("--" + name.substring(7));
                names.add("--no-" + name.substring(7));
            } else {
                names.add(name);
            }
        }
        // Options named in the meaning column of another option's row (`--no-config`, `--print-config`).
        Matcher inMeaning = Pattern.compile("\\| `-c`, `--config FILE` \\|[^\\n]*").matcher(text);
        if (inMeaning.find()) {
            Matcher extra = Pattern.compile("`(--[a-z-]+)`").matcher(inMeaning.group());
            while (extra.find()) {
                names.add(extra.group(1));
            }
        }
        return names;
    }
}
