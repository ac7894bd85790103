package io.github.vforklint.api;

import io.github.vforklint.Version;
import io.github.vforklint.compdb.CompilationDatabase;
import io.github.vforklint.config.EffectiveConfig;
import io.github.vforklint.scan.PathFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A digest of everything a check's result depends on, for build plugins that keep the result of
 * an unchanged module: vforklint's version, the options in effect, the request's own settings,
 * the configuration, baseline and compilation database files, and the name and content of every
 * file under the scanned paths that the include and exclude globs select (whichever front end
 * reads it: more files than a scan reads, never fewer) and every file under an include directory
 * (the command line's, the configuration's and the compilation database's).
 */
final class InputDigest {

    private InputDigest() {
    }

    /**
     * @param extra what else the caller's result depends on (report formats, say)
     * @return empty when the result depends on files no digest can list: with system includes,
     *         the compiler's own headers
     */
    static Optional<String> of(CheckRequest request, EffectiveConfig config, String extra, Path ignored)
            throws CheckException {
        if (config.systemIncludes()) {
            return Optional.empty();
        }
        MessageDigest sha = sha256();
        update(sha, "vforklint " + Version.current());
        update(sha, "base " + config.baseDir());
        update(sha, config.printable());
        update(sha, "limits " + request.limits());
        update(sha, "configurations " + request.configurations());
        update(sha, "write-baseline " + request.writeBaseline());
        update(sha, "extra " + extra);
        Set<Path> includeDirs = new LinkedHashSet<>(config.includeDirs());
        try {
            fileContent(sha, config.configFile());
            fileContent(sha, config.baseline());
            Path compileCommands = request.compileCommands() != null ? request.compileCommands()
                    : CompilationDatabase.find(config.paths()).orElse(null);
            if (compileCommands != null) {
                Path file = Files.isDirectory(compileCommands) ? compileCommands.resolve("compile_commands.json")
                        : compileCommands;
                fileContent(sha, file);
                try {
                    includeDirs.addAll(CompilationDatabase.load(file).includeDirs());
                } catch (CompilationDatabase.InvalidDatabaseException e) {
                    // The check itself reports the bad database; the digest only needs to change with it.
                }
            }
            List<Path> scanned = scannedFiles(config, ignored);
            update(sha, "scanned " + scanned.size());
            for (Path file : scanned) {
                fileContent(sha, file);
            }
            Set<Path> hashed = new java.util.HashSet<>(scanned);
            for (Path dir : includeDirs) {
                update(sha, "include-dir " + dir);
                for (Path file : filesUnder(dir)) {
                    if (hashed.add(file)) {
                        fileContent(sha, file);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CheckException("cannot read the inputs of the check: " + e.getMessage());
        }
        return Optional.of(HexFormat.of().formatHex(sha.digest()));
    }

    /** As the scan walks: hidden directories skipped, the globs applied; a file named directly always taken. */
    private static List<Path> scannedFiles(EffectiveConfig config, Path ignored) throws CheckException, IOException {
        PathFilter filter = config.toScanOptions().paths();
        Path skip = ignored == null ? null : ignored.toAbsolutePath().normalize();
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : config.paths()) {
            Path start = root.toAbsolutePath().normalize();
            if (!Files.exists(start)) {
                throw new CheckException("no such file or directory: " + root);
            }
            if (Files.isRegularFile(start)) {
                files.add(start);
                continue;
            }
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(start) && String.valueOf(dir.getFileName()).startsWith(".");
                    return hidden || dir.equals(skip) || filter.excluded().test(dir) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !filter.excluded().test(file) && filter.included().test(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    files.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return new ArrayList<>(files);
    }

    private static void fileContent(MessageDigest sha, Path file) throws IOException {
        update(sha, "file " + file);
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            update(sha, "absent");
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        sha.update((byte) 0);
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        TreeSet<Path> files = new TreeSet<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return new ArrayList<>(files);
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
