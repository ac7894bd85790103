package io.github.vforklint.frontend.c;

import io.github.vforklint.compdb.CompilationDatabase;
import io.github.vforklint.compdb.CompileFlags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preprocessing options of each file: its compilation database entry when it has one, then
 * the command line's {@code -I}, {@code -D} and {@code -U} on top, and the compiler's own search
 * path and macros with {@code --system-includes}.
 */
final class BuildSettings {

    private final COptions options;
    private final Optional<CompilationDatabase> database;
    private final CompilerProbe.Toolchain toolchain;
    private final List<Path> lastIncludeDirs;

    /** @param toolchain the local compiler's answers, or null without --system-includes */
    BuildSettings(COptions options, Optional<CompilationDatabase> database, CompilerProbe.Toolchain toolchain) {
        this(options, database, toolchain, List.of());
    }

    private BuildSettings(COptions options, Optional<CompilationDatabase> database, CompilerProbe.Toolchain toolchain,
                          List<Path> lastIncludeDirs) {
        this.options = options;
        this.database = database;
        this.toolchain = toolchain;
        this.lastIncludeDirs = List.copyOf(lastIncludeDirs);
    }

    /** The same settings with {@code dirs} searched after every other include directory (the JDK's JNI headers). */
    BuildSettings withLastIncludeDirs(List<Path> dirs) {
        return new BuildSettings(options, database, toolchain, dirs);
    }

    /** The include directories named by -I and the compilation database. */
    List<Path> configuredIncludeDirs() {
        List<Path> dirs = new ArrayList<>(options.includeDirs());
        database.ifPresent(db -> dirs.addAll(db.includeDirs()));
        return dirs;
    }

    ParseSettings forFile(Path file) {
        Optional<CompileFlags> flags = database.flatMap(db -> db.flagsFor(file));
        List<Path> include = new ArrayList<>();
        List<Path> quote = new ArrayList<>();
        List<String> undefines = new ArrayList<>();
        List<Path> forced = new ArrayList<>();
        flags.ifPresent(f -> {
            include.addAll(f.includeDirs());
            include.addAll(f.systemDirs());
            quote.addAll(f.quoteDirs());
            undefines.addAll(f.undefines());
            forced.addAll(f.forcedIncludes());
        });
        include.addAll(options.includeDirs());
        include.addAll(lastIncludeDirs);
        undefines.addAll(options.undefines());
        return new ParseSettings(include, quote, definesFor(file), undefines, forced,
                toolchain == null ? List.of() : toolchain.searchPath());
    }

    /** The macros a file is compiled with, beyond what its own text and headers define. */
    Map<String, String> definesFor(Path file) {
        Map<String, String> defines = new LinkedHashMap<>();
        if (toolchain != null) {
            defines.putAll(toolchain.defines());
        }
        database.flatMap(db -> db.flagsFor(file)).ifPresent(f -> defines.putAll(f.defines()));
        defines.putAll(options.defines());
        return defines;
    }

    /**
     * Every distinct set of macros the files are compiled with: one set without a compilation
     * database, so that a tree of any size costs one map, not one per file.
     */
    List<Map<String, String>> distinctDefines(List<io.github.vforklint.source.SourceFile> files) {
        if (database.isEmpty() || files.isEmpty()) {
            return files.isEmpty() ? List.of() : List.of(definesFor(files.get(0).path()));
        }
        return files.stream().map(f -> definesFor(f.path())).distinct().toList();
    }

    /** Whether the options or the compilation database decide this file's configuration (-D, -U, an entry). */
    boolean pinsConfiguration(Path file) {
        return !options.defines().isEmpty() || !options.undefines().isEmpty()
                || database.flatMap(db -> db.flagsFor(file)).isPresent();
    }

    Optional<CompilationDatabase> database() {
        return database;
    }
}
