package io.github.vforklint.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.vforklint.api.CheckResult;
import io.github.vforklint.files.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A module's last result, under {@code target/}: the key of what it was computed from, its
 * verdict and summary, and a hash of each report it wrote. A result is reused only when the key
 * matches and every report is still there, unchanged; anything unreadable is a miss, never an error.
 */
final class ModuleCache {

    /** One cached result. */
    record Entry(String key, CheckResult.Status status, String summary, int findings, Map<String, String> reports) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    ModuleCache(Path file) {
        this.file = file;
    }

    Optional<Entry> lookup(String key, Path reportDirectory) {
        Entry entry;
        try {
            entry = JSON.readValue(file.toFile(), Entry.class);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (entry == null || !key.equals(entry.key()) || entry.status() == null || entry.reports() == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> report : entry.reports().entrySet()) {
            Path written = reportDirectory.resolve(report.getKey());
            try {
                if (!Files.isRegularFile(written) || !sha256(written).equals(report.getValue())) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(entry);
    }

    void store(Entry entry) {
        try {
            AtomicFiles.writeBytes(file, out -> JSON.writeValue(out, entry));
        } catch (IOException e) {
            // A cache that cannot be written costs the next build a scan, nothing more.
            clear();
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing to do: a stale entry's key cannot match another check's inputs.
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
