package io.github.vforklint.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.frontend.c.ConfigurationSearch;
import io.github.vforklint.rules.Profile;
import io.github.vforklint.scan.PathFilter;
import io.github.vforklint.scan.ScanOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The options a check runs with: built-in defaults, overridden by the configuration file,
 * overridden by the command line. Single values from the command line replace the file's;
 * {@code select}, {@code ignore}, {@code include} and {@code paths} given on the command line
 * replace the file's lists; excludes, include directories, undefines and per-rule severities add
 * to them, and {@code -D} overrides the file's definition of the same macro.
 *
 * @param configFile the file read, or null
 * @param baseDir    the working directory: findings' paths are shown relative to it
 * @param javaRelease the Java language level Java sources are parsed at; null for the newest
 */
public record EffectiveConfig(Path configFile, Path baseDir, List<Path> paths, Profile profile, List<String> select,
                              List<String> ignore, Map<String, Severity> severity, List<Glob> include,
                              List<Glob> exclude, List<Path> includeDirs, Map<String, String> defines,
                              List<String> undefines, boolean systemIncludes, String compiler, int jobs,
                              FailOn failOn, Path baseline, boolean requireReason, Integer javaRelease) {

    public static EffectiveConfig merge(Path baseDir, Path configFile, CheckConfig file, CheckConfig cli) {
        CheckConfig f = file == null ? CheckConfig.empty() : file;
        Map<String, Severity> severity = new LinkedHashMap<>(f.severity());
        severity.putAll(cli.severity());
        Map<String, String> defines = new LinkedHashMap<>(f.defines());
        defines.putAll(cli.defines());
        return new EffectiveConfig(configFile, baseDir.toAbsolutePath().normalize(),
                first(cli.paths(), f.paths(), List.of(baseDir.toAbsolutePath().normalize())),
                first(cli.profile(), f.profile(), Profile.DEFAULT),
                first(cli.select(), f.select(), List.of()),
                first(cli.ignore(), f.ignore(), List.of()),
                Map.copyOf(severity),
                first(cli.include(), f.include(), List.of()),
                union(cli.exclude(), f.exclude()),
                union(cli.includeDirs(), f.includeDirs()),
                Map.copyOf(defines),
                union(cli.undefines(), f.undefines()),
                first(cli.systemIncludes(), f.systemIncludes(), false),
                first(cli.compiler(), f.compiler(), "cc"),
                first(cli.jobs(), f.jobs(), Runtime.getRuntime().availableProcessors()),
                first(cli.failOn(), f.failOn(), FailOn.ERROR),
                first(cli.baseline(), f.baseline(), null),
                first(cli.requireReason(), f.requireReason(), false),
                first(cli.javaRelease(), f.javaRelease(), null));
    }

    /**
     * The scanner's options. This is the one place they are built, so that a new scanner option
     * is one edit here (and a key in {@link ConfigFile}).
     */
    public ScanOptions toScanOptions() {
        PathFilter files = new PathFilter(path -> anyMatches(exclude, path),
                path -> include.isEmpty() || anyMatches(include, path));
        return new ScanOptions(baseDir, profile, select, ignore, includeDirs, defines, undefines, files, jobs,
                systemIncludes, compiler, null, AnalysisLimits.defaults(), ConfigurationSearch.defaults(), javaRelease);
    }

    /** A loop, not a stream: the walk asks this of every file and folder of the tree. */
    private static boolean anyMatches(List<Glob> globs, Path path) {
        for (Glob g : globs) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** What {@code --print-config} shows: the merged options as a configuration file, paths relative to the working directory. */
    public String printable() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        ObjectNode root = yaml.createObjectNode();
        strings(root.putArray("paths"), paths.stream().map(this::shown).toList());
        root.put("profile", profile.label());
        strings(root.putArray("select"), select);
        strings(root.putArray("ignore"), ignore);
        ObjectNode sev = root.putObject("severity");
        severity.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sev.put(e.getKey(), e.getValue().label()));
        strings(root.putArray("include"), include.stream().map(this::shown).toList());
        strings(root.putArray("exclude"), exclude.stream().map(this::shown).toList());
        strings(root.putArray("include-dirs"), includeDirs.stream().map(this::shown).toList());
        ObjectNode defs = root.putObject("defines");
        defines.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> defs.put(e.getKey(), e.getValue()));
        strings(root.putArray("undefines"), undefines);
        root.put("system-includes", systemIncludes);
        root.put("cc", compiler);
        root.put("jobs", jobs);
        root.put("fail-on", failOn.label());
        if (baseline == null) {
            root.putNull("baseline");
        } else {
            root.put("baseline", shown(baseline));
        }
        root.put("require-reason", requireReason);
        if (javaRelease == null) {
            root.putNull("java-release");
        } else {
            root.put("java-release", javaRelease);
        }
        try {
            String source = configFile == null ? "no configuration file" : "from " + shown(configFile);
            return "# vforklint check options (" + source + ", then the command line)\n" + yaml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.equals(baseDir)) {
            return ".";
        }
        return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString() : abs.toString();
    }

    /** A glob as it applies from the working directory, with its base when that differs. */
    private String shown(Glob g) {
        return g.base().equals(baseDir) ? g.pattern() : shown(g.base()) + "/" + g.pattern();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static <T> T first(T cli, T file, T fallback) {
        return cli != null ? cli : file != null ? file : fallback;
    }

    private static <T> List<T> union(List<T> cli, List<T> file) {
        LinkedHashSet<T> all = new LinkedHashSet<>();
        if (cli != null) {
            all.addAll(cli);
        }
        if (file != null) {
            all.addAll(file);
        }
        return List.copyOf(new ArrayList<>(all));
    }
}
