package io.github.vforklint.compdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What preprocessing options one compiler invocation gives, in the order the compiler applies
 * them: {@code -D} and {@code -U} in command-line order, relative paths against the entry's
 * {@code directory}.
 */
public record CompileFlags(List<Path> includeDirs, List<Path> quoteDirs, List<Path> systemDirs,
                           Map<String, String> defines, List<String> undefines, List<Path> forcedIncludes,
                           String standard) {

    /** Reads the flags out of an argument vector (the compiler's name first). */
    public static CompileFlags parse(List<String> arguments, Path directory) {
        List<Path> include = new ArrayList<>();
        List<Path> quote = new ArrayList<>();
        List<Path> system = new ArrayList<>();
        Map<String, String> defines = new LinkedHashMap<>();
        List<String> undefines = new ArrayList<>();
        List<Path> forced = new ArrayList<>();
        String standard = null;
        for (int i = 1; i < arguments.size(); i++) {
            String a = arguments.get(i);
            String value;
            if ((value = option(arguments, i, a, "-I")) != null) {
                include.add(directory.resolve(value).normalize());
            } else if ((value = option(arguments, i, a, "-iquote")) != null) {
                quote.add(directory.resolve(value).normalize());
            } else if ((value = option(arguments, i, a, "-isystem")) != null) {
                system.add(directory.resolve(value).normalize());
            } else if ((value = option(arguments, i, a, "-include")) != null) {
                forced.add(directory.resolve(value).normalize());
            } else if ((value = option(arguments, i, a, "-D")) != null) {
                int eq = value.indexOf('=');
                String name = eq < 0 ? value : value.substring(0, eq);
                undefines.remove(name);
                defines.put(name, eq < 0 ? "1" : value.substring(eq + 1));
            } else if ((value = option(arguments, i, a, "-U")) != null) {
                defines.remove(value);
                undefines.add(value);
            } else if (a.startsWith("-std=")) {
                standard = a.substring("-std=".length());
                continue;
            } else {
                continue;
            }
            if (a.equals("-I") || a.equals("-iquote") || a.equals("-isystem") || a.equals("-include")
                    || a.equals("-D") || a.equals("-U")) {
                i++;
            }
        }
        return new CompileFlags(List.copyOf(include), List.copyOf(quote), List.copyOf(system), Map.copyOf(defines),
                List.copyOf(undefines), List.copyOf(forced), standard);
    }

    /** The value of {@code -Xvalue} or {@code -X value}; null when {@code arg} is not that option. */
    private static String option(List<String> arguments, int index, String arg, String flag) {
        if (arg.equals(flag)) {
            return index + 1 < arguments.size() ? arguments.get(index + 1) : null;
        }
        // -include is also a prefix of -isystem's neighbours; only the one-letter flags attach.
        if (flag.length() == 2 && arg.startsWith(flag) && arg.length() > 2) {
            return arg.substring(2);
        }
        return null;
    }
}
