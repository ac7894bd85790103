package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorElifStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorElseStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfdefStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIfndefStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorUndefStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the preprocessor did in one parse, as the configuration search needs it: which
 * conditional branches it took (by file and line), the macros defined at the end of the unit,
 * where each active macro was defined, and the headers it read.
 */
final class PreprocessorView {

    /** Where a macro's active definition is. */
    record Site(String file, int offset) {
    }

    /**
     * What the preprocessor did, in order. The branches taken and the macros in force are worked
     * out from it when first asked: a unit parsed for a helper in another file is asked only
     * which headers it read, and its headers hold thousands of directives.
     */
    private final IASTPreprocessorStatement[] statements;
    private final IASTPreprocessorMacroDefinition[] builtinDefinitions;
    /** For each file, whether the branch opened at each offset was taken; made when first asked. */
    private Map<String, Map<Integer, Boolean>> takenAt;
    /**
     * The same by line, made for a file when first asked: the parser would build the line table
     * of every header to number all their conditionals, and a few files are asked about.
     */
    private final Map<String, Map<Integer, Boolean>> takenByLine = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.ToIntBiFunction<String, Integer> lineOf;
    /**
     * The definitions in force at the end of the unit, made when first asked. A unit has
     * thousands (every header's), and a few are asked about: their text and place are read from
     * the parser only then.
     */
    private Map<String, IASTPreprocessorMacroDefinition> macros;
    private Set<String> builtins;
    /** Replacement texts read so far; units are shared between threads. */
    private final Map<String, java.util.Optional<String>> expansions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> headers = new TreeSet<>();

    /** @param lineOf the 1-based line of an offset in a file the unit read */
    PreprocessorView(IASTTranslationUnit unit, java.util.function.ToIntBiFunction<String, Integer> lineOf) {
        this.lineOf = lineOf;
        this.statements = unit.getAllPreprocessorStatements();
        this.builtinDefinitions = unit.getBuiltinMacroDefinitions();
        for (IASTPreprocessorStatement s : statements) {
            if (s instanceof IASTPreprocessorIncludeStatement i && i.isActive() && i.isResolved()) {
                headers.add(i.getPath());
            }
        }
    }

    private synchronized Map<String, Map<Integer, Boolean>> takenAt() {
        if (takenAt == null) {
            Map<String, Map<Integer, Boolean>> byFile = new HashMap<>();
            for (IASTPreprocessorStatement s : statements) {
                Boolean branchTaken = takenFlag(s);
                IASTFileLocation at = branchTaken == null ? null : s.getFileLocation();
                if (at != null) {
                    byFile.computeIfAbsent(at.getFileName(), f -> new HashMap<>()).put(at.getNodeOffset(), branchTaken);
                }
            }
            takenAt = byFile;
        }
        return takenAt;
    }

    /** The definitions in force at the end of the unit, by name. */
    private synchronized Map<String, IASTPreprocessorMacroDefinition> definitions() {
        if (macros == null) {
            Map<String, IASTPreprocessorMacroDefinition> inForce = new LinkedHashMap<>();
            Set<String> builtIn = new java.util.HashSet<>();
            for (IASTPreprocessorMacroDefinition builtin : builtinDefinitions) {
                String name = builtin.getName().toString();
                inForce.put(name, builtin);
                builtIn.add(name);
            }
            for (IASTPreprocessorStatement s : statements) {
                if (takenFlag(s) != null || !s.isActive()) {
                    continue;
                }
                if (s instanceof IASTPreprocessorMacroDefinition d) {
                    String name = d.getName().toString();
                    inForce.put(name, d);
                    builtIn.remove(name);
                } else if (s instanceof IASTPreprocessorUndefStatement u) {
                    inForce.remove(u.getMacroName().toString());
                }
            }
            builtins = builtIn;
            macros = inForce;
        }
        return macros;
    }

    private static Boolean takenFlag(IASTPreprocessorStatement s) {
        if (s instanceof IASTPreprocessorIfStatement i) {
            return i.taken();
        }
        if (s instanceof IASTPreprocessorIfdefStatement i) {
            return i.taken();
        }
        if (s instanceof IASTPreprocessorIfndefStatement i) {
            return i.taken();
        }
        if (s instanceof IASTPreprocessorElifStatement e) {
            return e.taken();
        }
        if (s instanceof IASTPreprocessorElseStatement e) {
            return e.taken();
        }
        return null;
    }

    /** Whether the branch opened at this line was taken; false when the preprocessor never got there. */
    boolean taken(String file, int line) {
        return takenByLine.computeIfAbsent(file, f -> {
            Map<Integer, Boolean> byLine = new HashMap<>();
            takenAt().getOrDefault(f, Map.of()).forEach((offset, wasTaken) ->
                    byLine.merge(lineOf.applyAsInt(f, offset), wasTaken, Boolean::logicalOr));
            return byLine;
        }).getOrDefault(line, false);
    }

    /** The macros defined at the end of the unit. */
    Condition.Macros macros() {
        Map<String, IASTPreprocessorMacroDefinition> inForce = definitions();
        return new Condition.Macros() {
            @Override
            public String valueOf(String name) {
                return expansions.computeIfAbsent(name, n -> java.util.Optional.ofNullable(inForce.get(n))
                        .map(IASTPreprocessorMacroDefinition::getExpansion)).orElse(null);
            }

            @Override
            public Set<String> parametersOf(String name) {
                if (!(inForce.get(name) instanceof org.eclipse.cdt.core.dom.ast.IASTPreprocessorFunctionStyleMacroDefinition f)) {
                    return Set.of();
                }
                Set<String> names = new java.util.HashSet<>();
                for (org.eclipse.cdt.core.dom.ast.IASTFunctionStyleMacroParameter parameter : f.getParameters()) {
                    names.add(parameter.getParameter());
                }
                names.add("__VA_ARGS__");
                return names;
            }
        };
    }

    /** The names of the macros defined at the end of the unit. */
    Set<String> macroNames() {
        return definitions().keySet();
    }

    /** Where the active definition of {@code name} is, or null for a built-in or undefined macro. */
    Site definitionOf(String name) {
        Map<String, IASTPreprocessorMacroDefinition> inForce = definitions();
        IASTPreprocessorMacroDefinition d;
        synchronized (this) {
            d = builtins.contains(name) ? null : inForce.get(name);
        }
        IASTFileLocation at = d == null ? null : d.getFileLocation();
        return at == null ? null : new Site(at.getFileName(), at.getNodeOffset());
    }

    /** The headers the unit read. */
    Set<String> headers() {
        return headers;
    }
}
