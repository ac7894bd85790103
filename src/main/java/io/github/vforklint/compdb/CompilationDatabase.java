package io.github.vforklint.compdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.github.vforklint.files.BoundedFiles;
import io.github.vforklint.files.InputFileException;
import io.github.vforklint.shell.ShellWords;

/** A loaded {@code compile_commands.json}: flags by source file (absolute, normalised path). */
public final class CompilationDatabase {

    /** The file is missing, is not JSON, or has entries without the required members. */
    public static final class InvalidDatabaseException extends Exception {
        public InvalidDatabaseException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final Map<Path, CompileFlags> byFile;

    private CompilationDatabase(Path file, Map<Path, CompileFlags> byFile) {
        this.file = file;
        this.byFile = byFile;
    }

    /** Where a database is when none is named: at a scanned directory, or in its build/ subdirectory. */
    public static Optional<Path> find(List<Path> roots) {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            for (Path candidate : List.of(root.resolve("compile_commands.json"), root.resolve("build/compile_commands.json"))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    /** @param location the database file, or a directory holding compile_commands.json */
    public static CompilationDatabase load(Path location) throws InvalidDatabaseException {
        Path absolute = location.toAbsolutePath().normalize();
        Path file = Files.isDirectory(absolute) ? absolute.resolve("compile_commands.json") : absolute;
        JsonNode entries;
        try {
            entries = new ObjectMapper().readTree(BoundedFiles.read(file, BoundedFiles.COMPILE_COMMANDS_LIMIT,
                    "compilation database"));
        } catch (InputFileException e) {
            throw new InvalidDatabaseException(e.getMessage());
        } catch (IOException e) {
            throw new InvalidDatabaseException(file + ": cannot read the compilation database: " + e.getMessage());
        }
        if (entries == null || !entries.isArray()) {
            throw new InvalidDatabaseException(file + ": a compilation database is a JSON array of entries");
        }
        Map<Path, CompileFlags> byFile = new HashMap<>();
        int index = 0;
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                throw new InvalidDatabaseException(file + ": entry " + index + " is not an object");
            }
            String directory = entry.path("directory").asText("");
            String source = entry.path("file").asText("");
            if (directory.isEmpty() || source.isEmpty()) {
                throw new InvalidDatabaseException(file + ": entry " + index + " lacks \"directory\" or \"file\"");
            }
            Path dir;
            try {
                dir = file.getParent().resolve(directory).normalize();
            } catch (InvalidPathException e) {
                throw new InvalidDatabaseException(file + ": entry " + index + ": not a path: " + e.getMessage());
            }
            List<String> arguments = new ArrayList<>();
            if (entry.path("arguments").isArray()) {
                entry.path("arguments").forEach(a -> arguments.add(a.asText()));
            } else if (entry.path("command").isTextual()) {
                try {
                    arguments.addAll(ShellWords.split(entry.path("command").asText()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidDatabaseException(file + ": entry " + index + ": " + e.getMessage());
                }
            } else {
                throw new InvalidDatabaseException(file + ": entry " + index + " has neither \"arguments\" nor \"command\"");
            }
            try {
                byFile.putIfAbsent(dir.resolve(source).normalize(), CompileFlags.parse(arguments, dir));
            } catch (InvalidPathException e) {
                throw new InvalidDatabaseException(file + ": entry " + index + ": not a path: " + e.getMessage());
            }
            index++;
        }
        return new CompilationDatabase(file, Map.copyOf(byFile));
    }

    public Path file() {
        return file;
    }

    public Optional<CompileFlags> flagsFor(Path source) {
        return Optional.ofNullable(byFile.get(source.toAbsolutePath().normalize()));
    }

    /** Every include directory any entry names, for the macro pre-pass over headers. */
    public List<Path> includeDirs() {
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (CompileFlags f : byFile.values()) {
            dirs.addAll(f.includeDirs());
            dirs.addAll(f.quoteDirs());
            dirs.addAll(f.systemDirs());
        }
        return List.copyOf(dirs);
    }

    public int size() {
        return byFile.size();
    }
}
