package io.github.vforklint.maven;

import io.github.vforklint.api.BuildOptions;
import io.github.vforklint.api.Check;
import io.github.vforklint.api.CheckException;
import io.github.vforklint.api.CheckResult;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.report.ReportSettings;
import io.github.vforklint.report.SarifCategory;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check of one module: runs it through the library, or takes the previous result from the
 * module's cache when nothing it depends on changed, and leaves the reports in the output folder.
 */
final class ModuleCheck {

    static final String SARIF = "vforklint.sarif";
    static final String CHECKSTYLE = "vforklint.xml";
    static final String TEXT = "vforklint.txt";

    /**
     * What the module's reports hold besides the result.
     *
     * @param extraFormats      formats written besides SARIF, Checkstyle XML and text
     * @param includeSuppressed SARIF keeps suppressed findings
     * @param category          the SARIF run's code scanning category
     */
    record Reports(List<ReportFormat> extraFormats, boolean includeSuppressed, SarifCategory category) {

        Reports {
            extraFormats = List.copyOf(extraFormats);
        }

        /** The report files: SARIF, Checkstyle XML and text always, then the formats asked for. */
        Map<String, ReportFormat> files() {
            Map<String, ReportFormat> files = new LinkedHashMap<>();
            files.put(SARIF, ReportFormat.SARIF);
            files.put(CHECKSTYLE, ReportFormat.CHECKSTYLE);
            files.put(TEXT, ReportFormat.TEXT);
            for (ReportFormat f : extraFormats) {
                String name = switch (f) {
                    case SARIF -> SARIF;
                    case CHECKSTYLE -> CHECKSTYLE;
                    case TEXT -> TEXT;
                    default -> "vforklint-" + f.label() + (f == ReportFormat.GITHUB ? ".txt" : ".json");
                };
                files.putIfAbsent(name, f);
            }
            return files;
        }

        /** What of these settings the cache key must hold: anything that changes a report's content. */
        String cacheInputs() {
            List<String> parts = new ArrayList<>();
            files().forEach((name, format) -> parts.add(name + "=" + format.label()));
            parts.add("includeSuppressed=" + includeSuppressed);
            parts.add("sarifCategory=" + category.name());
            return String.join(",", parts);
        }
    }

    /** What became of the check. */
    record Outcome(String module, CheckResult.Status status, String summary, int findings, Path sarif, Path text,
                   boolean cached) {

        boolean scanned() {
            return sarif != null;
        }
    }

    private final String module;
    private final List<Path> roots;
    private final BuildOptions options;
    private final Path outputDirectory;
    private final Path reuse;
    private final Reports reports;
    private final boolean useCache;
    private final Log log;

    ModuleCheck(String module, List<Path> roots, BuildOptions options, Path outputDirectory, Reports reports,
                boolean useCache, Log log) {
        this(module, roots, options, outputDirectory, outputDirectory, reports, useCache, log);
    }

    private ModuleCheck(String module, List<Path> roots, BuildOptions options, Path outputDirectory, Path reuse,
                        Reports reports, boolean useCache, Log log) {
        this.module = module;
        this.roots = List.copyOf(roots);
        this.options = options;
        this.outputDirectory = outputDirectory;
        this.reuse = reuse;
        this.reports = reports;
        this.useCache = useCache;
        this.log = log;
    }

    /**
     * The same check writing into {@code elsewhere}, which first reuses the module's own result
     * (in this check's output folder, left untouched) when it was made with the same options.
     */
    ModuleCheck writingTo(Path elsewhere) {
        return new ModuleCheck(module, roots, options, elsewhere, outputDirectory, reports, useCache, log);
    }

    String module() {
        return module;
    }

    /** A module with none of the source folders: a check that scans nothing. */
    static ModuleCheck nothingToScan(String module) {
        return new ModuleCheck(module, List.of(), null, null, null, false, null);
    }

    Outcome run() throws CheckException {
        if (roots.isEmpty()) {
            return new Outcome(module, CheckResult.Status.CLEAN, "vforklint: nothing to scan in " + module
                    + " (none of " + String.join(", ", AbstractVforklintMojo.DEFAULT_SOURCE_DIRECTORIES)
                    + ", and jvmSources=false or no JVM sources)", 0, null, null, false);
        }
        Check check = Check.prepare(options.toRequest());
        Map<String, ReportFormat> files = reports.files();
        ModuleCache cache = new ModuleCache(outputDirectory.resolve("cache.json"));
        // The module's own report folder is never an input, even when it lies under a scanned path.
        Optional<String> key = useCache ? check.cacheKey(reports.cacheInputs(), reuse) : Optional.empty();
        if (key.isPresent()) {
            for (Path dir : reuse.equals(outputDirectory) ? List.of(outputDirectory) : List.of(reuse, outputDirectory)) {
                Optional<ModuleCache.Entry> hit = new ModuleCache(dir.resolve("cache.json")).lookup(key.get(), dir);
                if (hit.isPresent()) {
                    if (log.isDebugEnabled()) {
                        log.debug("vforklint: " + module + " unchanged since the last check; reusing its result in " + dir);
                    }
                    return new Outcome(module, hit.get().status(), hit.get().summary(), hit.get().findings(),
                            dir.resolve(SARIF), dir.resolve(TEXT), true);
                }
            }
        }
        CheckResult result = check.run();
        try {
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw new CheckException("cannot create " + outputDirectory + ": " + e.getMessage());
        }
        Map<String, String> written = new LinkedHashMap<>();
        for (Map.Entry<String, ReportFormat> r : files.entrySet()) {
            ReportSettings settings = result.reportSettings(false,
                    reports.includeSuppressed() && r.getValue() == ReportFormat.SARIF).withSarifCategory(reports.category());
            Path file = outputDirectory.resolve(r.getKey());
            result.writeReport(r.getValue(), settings, file);
            try {
                written.put(r.getKey(), ModuleCache.sha256(file));
            } catch (IOException e) {
                throw new CheckException("cannot read back " + file + ": " + e.getMessage());
            }
        }
        if (key.isPresent()) {
            cache.store(new ModuleCache.Entry(key.get(), result.status(), result.summary(), findings(result), written));
        } else {
            cache.clear();
        }
        return new Outcome(module, result.status(), result.summary(), findings(result), outputDirectory.resolve(SARIF),
                outputDirectory.resolve(TEXT), false);
    }

    private static int findings(CheckResult result) {
        return result.result().findings().size() + result.result().diagnostics().size();
    }

    /** The text report, to log line by line. */
    static List<String> textLines(Outcome outcome) {
        if (outcome.text() == null || !Files.isRegularFile(outcome.text())) {
            return List.of();
        }
        try {
            return Files.readAllLines(outcome.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("(cannot read " + outcome.text() + ": " + e.getMessage() + ")");
        }
    }
}
