package io.github.vforklint.frontend.c;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to preprocess one file: what a compiler would get from {@code -I}, {@code -iquote},
 * {@code -D}, {@code -U} and {@code -include}, plus the system search path when
 * {@code --system-includes} is on (empty otherwise, so {@code <...>} headers outside the project
 * are skipped). {@code defines} holds the compiler's predefined macros when they were asked for;
 * otherwise {@link CParser} supplies a GCC-on-Linux baseline.
 */
public record ParseSettings(List<Path> includeDirs, List<Path> quoteDirs, Map<String, String> defines,
                            List<String> undefines, List<Path> forcedIncludes, List<Path> systemDirs) {

    public ParseSettings {
        includeDirs = List.copyOf(includeDirs);
        quoteDirs = List.copyOf(quoteDirs);
        defines = Map.copyOf(defines);
        undefines = List.copyOf(undefines);
        forcedIncludes = List.copyOf(forcedIncludes);
        systemDirs = List.copyOf(systemDirs);
    }

    public static ParseSettings defaults() {
        return new ParseSettings(List.of(), List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    public boolean readsSystemHeaders() {
        return !systemDirs.isEmpty();
    }
}
