package io.github.vforklint.cli;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.baseline.Baseline;
import io.github.vforklint.baseline.BaselineException;
import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.config.CheckConfig;
import io.github.vforklint.config.ConfigDiscovery;
import io.github.vforklint.config.ConfigException;
import io.github.vforklint.config.ConfigFile;
import io.github.vforklint.config.EffectiveConfig;
import io.github.vforklint.config.FailOn;
import io.github.vforklint.config.Glob;
import io.github.vforklint.config.MacroNames;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.report.Report;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.report.ReportSettings;
import io.github.vforklint.report.SourceLines;
import io.github.vforklint.rules.Profile;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;
import io.github.vforklint.scan.ScanOptions;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.scan.Scanner;
import io.github.vforklint.suppress.FilteredResult;
import io.github.vforklint.suppress.FindingFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scans C files and directories for vfork() misuse.")
final class CheckCommand implements Callable<Integer> {

    /** When color is used. */
    enum ColorMode { auto, always, never }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Files or directories to scan (default: the configuration's paths, else .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: text, json, sarif, checkstyle or github (default: text).")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = "Also write a report in FORMAT to FILE (repeatable: several formats in one run).")
    List<String> reports = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Read options from FILE instead of the .vforklint.yml found from the scan root upwards.")
    Path config;

    @Option(names = "--no-config", description = "Read no configuration file.")
    boolean noConfig;

    @Option(names = "--print-config", description = "Print the options in effect (configuration file and command line merged) and exit.")
    boolean printConfig;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "default (allows async-signal-safe calls) or strict (POSIX: only exec and _exit).")
    String profile;

    @Option(names = "--select", paramLabel = "RULE", split = ",",
            description = "Only these rules (ids or names; repeatable or comma-separated).")
    List<String> select;

    @Option(names = "--ignore", paramLabel = "RULE", split = ",", description = "Turn these rules off.")
    List<String> ignore;

    @Option(names = "--severity", paramLabel = "RULE=LEVEL",
            description = "Report RULE at LEVEL (error, warning or note) instead of its default (repeatable).")
    List<String> severities = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Lowest severity that makes the exit code 1: error, warning, note or never (default: error).")
    String failOn;

    @Option(names = "-I", paramLabel = "DIR", description = "Add DIR to the include search path (as the compiler's -I).")
    List<Path> includeDirs;

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Define a macro (as the compiler's -D).")
    List<String> defines = new ArrayList<>();

    @Option(names = "-U", paramLabel = "NAME", description = "Undefine a macro, including the predefined GCC-on-Linux ones (as the compiler's -U).")
    List<String> undefines;

    @Option(names = "--system-includes", negatable = true,
            description = "Read <...> headers with the local compiler's search path and predefined macros.")
    Boolean systemIncludes;

    @Option(names = "--cc", paramLabel = "COMPILER", description = "Compiler asked for --system-includes (default: cc).")
    String compiler;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Scan only files matching GLOB (relative to the current directory; repeatable).")
    List<String> includes;

    @Option(names = {"-p", "--compile-commands"}, paramLabel = "PATH",
            description = "compile_commands.json (or its directory) giving each file its build's flags "
                    + "(default: one at a scanned directory or in its build/).")
    Path compileCommands;

    @Option(names = "--max-depth", paramLabel = "N",
            description = "How many calls deep to follow the vfork child into helpers (default: 64).")
    int maxDepth = io.github.vforklint.analysis.AnalysisLimits.defaults().callDepth();

    @Option(names = "--max-helper-reach", paramLabel = "N",
            description = "Do not follow a helper that reaches more than N functions, such as an interpreter's "
                    + "call machinery (default: 50).")
    int maxHelperReach = io.github.vforklint.analysis.AnalysisLimits.defaults().helperReach();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files and directories matching GLOB (relative to the current directory).")
    List<String> excludes;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parse N files in parallel (default: number of CPUs).")
    Integer jobs;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings that FILE does not list.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record every current finding in FILE (to commit) and report none of them.")
    Path writeBaseline;

    @Option(names = "--include-suppressed",
            description = "SARIF: keep suppressed findings, each with its suppression, instead of leaving them out.")
    boolean includeSuppressed;

    @Option(names = "--require-reason", negatable = true,
            description = "A suppression comment without a reason after ' -- ' is an error (VFK001).")
    Boolean requireReason;

    @Option(names = "--color", paramLabel = "WHEN", description = "auto, always or never (default: auto: only on a terminal, and not with NO_COLOR set).")
    ColorMode color = ColorMode.auto;

    @Option(names = {"-q", "--quiet"}, description = "Print findings only: no summary line, no diagnostics in text output (the exit code still reflects them).")
    boolean quiet;

    /** A report to write: where, in which format. */
    private record Output(ReportFormat format, Path file) {
    }

    @Override
    public Integer call() throws IOException {
        RuleCatalogue catalogue = RuleCatalogue.load();
        Path baseDir = Path.of("").toAbsolutePath();
        List<Output> outputs = outputs();
        EffectiveConfig settings = settings(baseDir, catalogue);
        if (printConfig) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(settings.printable());
            out.flush();
            return ExitCode.OK.code();
        }
        if (maxDepth < 1 || maxHelperReach < 1) {
            throw new UsageException("--max-depth and --max-helper-reach must be at least 1");
        }
        ScanOptions options = settings.toScanOptions().withCompileCommands(compileCommands)
                .withLimits(new AnalysisLimits(maxDepth, AnalysisLimits.defaults().stepsPerFunction(), maxHelperReach));
        Scanner scanner;
        FindingFilter filter;
        List<Path> files;
        try {
            scanner = new Scanner(options, FunctionKnowledge.load(), catalogue);
            files = settings.sourceWalk().files(settings.paths());
            filter = new FindingFilter(catalogue, options, filterSettings(settings, baseDir, files));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ScanResult scanned;
        try {
            scanned = scanner.scan(settings.narrowsFiles() ? files : settings.paths());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (Scanner.ScanException e) {
            throw new UsageException(e.getMessage());
        }
        FilteredResult result = filter.apply(scanned);
        if (writeBaseline != null) {
            try {
                result.recorded().write(writeBaseline);
            } catch (IOException e) {
                throw new UsageException("--write-baseline: cannot write " + writeBaseline + ": " + e.getMessage());
            }
        }
        for (Output o : outputs) {
            writeReport(result, o, new ReportSettings(new SourceLines(baseDir), useColor(o), catalogue,
                    ProjectPaths.forWorkingDirectory(baseDir), includeSuppressed));
        }
        if (!quiet) {
            spec.commandLine().getErr().println(summary(result));
            spec.commandLine().getErr().flush();
        }
        return exitCode(result.result(), settings.failOn()).code();
    }

    /** The configuration file's options under the command line's. */
    private EffectiveConfig settings(Path baseDir, RuleCatalogue catalogue) {
        CheckConfig fromCli = commandLineConfig(baseDir, catalogue);
        Path file = null;
        CheckConfig fromFile = null;
        if (config != null) {
            file = config;
        } else if (!noConfig) {
            Path scanRoot = paths.isEmpty() ? baseDir : paths.get(0);
            file = ConfigDiscovery.find(scanRoot).orElse(null);
        }
        if (file != null) {
            try {
                fromFile = ConfigFile.load(file, shown(baseDir, file), catalogue);
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return EffectiveConfig.merge(baseDir, file, fromFile, fromCli);
    }

    private static String shown(Path baseDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString() : abs.toString();
    }

    /** The command line's options; what it does not set stays null for the configuration file to fill. */
    private CheckConfig commandLineConfig(Path baseDir, RuleCatalogue catalogue) {
        Profile chosenProfile = null;
        if (profile != null) {
            try {
                chosenProfile = Profile.parse(profile);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--profile: " + e.getMessage());
            }
        }
        FailOn chosenFailOn = null;
        if (failOn != null) {
            try {
                chosenFailOn = FailOn.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fail-on: " + e.getMessage());
            }
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be at least 1");
        }
        return new CheckConfig(chosenProfile, select, ignore, parseSeverities(catalogue),
                includes == null ? null : includes.stream().map(g -> glob(baseDir, g, "--include")).toList(),
                excludes == null ? null : excludes.stream().map(g -> glob(baseDir, g, "--exclude")).toList(),
                includeDirs, parseDefines(defines), undefines, systemIncludes, compiler, jobs, chosenFailOn,
                baseline, requireReason, paths.isEmpty() ? null : paths);
    }

    private static Glob glob(Path baseDir, String pattern, String option) {
        try {
            return new Glob(baseDir, pattern);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": bad glob '" + pattern + "': " + e.getMessage());
        }
    }

    private Map<String, Severity> parseSeverities(RuleCatalogue catalogue) {
        Map<String, Severity> result = new LinkedHashMap<>();
        for (String s : severities) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new UsageException("--severity: expected RULE=LEVEL, as in VFK108=note, not '" + s + "'");
            }
            Optional<RuleDefinition> rule = catalogue.find(s.substring(0, eq));
            if (rule.isEmpty()) {
                throw new UsageException("--severity: unknown rule '" + s.substring(0, eq) + "' (see `vforklint rules`)");
            }
            try {
                result.put(rule.get().id(), Severity.parse(s.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--severity: " + e.getMessage());
            }
        }
        return result;
    }

    private static Map<String, String> parseDefines(List<String> defines) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String d : defines) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq);
            if (!MacroNames.valid(name)) {
                throw new UsageException("-D: not a macro name: '" + d + "'");
            }
            result.put(name, eq < 0 ? "1" : d.substring(eq + 1));
        }
        return result;
    }

    private FindingFilter.Settings filterSettings(EffectiveConfig settings, Path baseDir, List<Path> files) {
        Baseline known = null;
        String baselineName = null;
        if (writeBaseline != null) {
            baselineName = shown(baseDir, writeBaseline);
        } else if (settings.baseline() != null) {
            baselineName = shown(baseDir, settings.baseline());
            try {
                known = Baseline.read(settings.baseline());
            } catch (BaselineException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new FindingFilter.Settings(ProjectPaths.forWorkingDirectory(baseDir), files, settings.requireReason(),
                settings.severity(), known, baselineName, writeBaseline != null);
    }

    private List<Output> outputs() {
        List<Output> result = new ArrayList<>();
        try {
            result.add(new Output(ReportFormat.parse(format), output));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        for (String r : reports) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new UsageException("--report: expected FORMAT=FILE, as in sarif=vforklint.sarif, not '" + r + "'");
            }
            try {
                result.add(new Output(ReportFormat.parse(r.substring(0, eq)), Path.of(r.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--report: " + e.getMessage());
            }
        }
        return result;
    }

    private boolean useColor(Output o) {
        return o.file() == null && o.format() == ReportFormat.TEXT && switch (color) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null;
        };
    }

    private void writeReport(FilteredResult result, Output o, ReportSettings reportSettings) throws IOException {
        FilteredResult shown = result;
        if (quiet && o.format() == ReportFormat.TEXT) {
            // Quiet trims what people read; machine formats and the exit code keep the whole truth.
            ScanResult r = result.result();
            shown = new FilteredResult(new ScanResult(r.findings(), List.of(), r.filesScanned(), r.filesParsed(),
                    r.vforkSites()), result.suppressed(), result.stale(), result.recorded(), result.fingerprints());
        }
        Report report = Report.of(o.format(), reportSettings);
        if (o.file() != null) {
            try (Writer w = Files.newBufferedWriter(o.file(), StandardCharsets.UTF_8)) {
                report.write(shown, w);
            } catch (IOException e) {
                throw new UsageException("cannot write " + o.file() + ": " + e.getMessage());
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            report.write(shown, out);
            out.flush();
        }
    }

    private static ExitCode exitCode(ScanResult result, FailOn failOn) {
        for (Finding f : result.findings()) {
            if (failOn.fails(f.severity())) {
                return ExitCode.FINDINGS;
            }
        }
        return result.incomplete() ? ExitCode.INCOMPLETE : ExitCode.OK;
    }

    static String summary(FilteredResult filtered) {
        String base = summary(filtered.result());
        List<String> hidden = new ArrayList<>();
        if (filtered.suppressedInSource() > 0) {
            hidden.add(filtered.suppressedInSource() + " suppressed in the code");
        }
        if (filtered.recorded() != null) {
            hidden.add(filtered.suppressedByBaseline() + " recorded in the new baseline");
        } else if (filtered.suppressedByBaseline() > 0) {
            hidden.add(filtered.suppressedByBaseline() + " in the baseline");
        }
        if (!filtered.stale().isEmpty()) {
            int stale = filtered.stale().stream().mapToInt(e -> e.count()).sum();
            hidden.add(stale + " baseline entr" + (stale == 1 ? "y" : "ies") + " stale");
        }
        return hidden.isEmpty() ? base : base + "; " + String.join(", ", hidden);
    }

    static String summary(ScanResult result) {
        long errors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = result.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = result.findings().stream().filter(f -> f.severity() == Severity.NOTE).count();
        long incomplete = result.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.INCOMPLETE)
                .map(Diagnostic::path).distinct().count();
        String scope = result.filesScanned() + " file" + (result.filesScanned() == 1 ? "" : "s") + ", "
                + result.vforkSites() + " vfork site" + (result.vforkSites() == 1 ? "" : "s");
        String tail = incomplete == 0 ? "" : "; " + incomplete + " file" + (incomplete == 1 ? "" : "s")
                + " not fully analysed (see diagnostics)";
        if (result.findings().isEmpty()) {
            return "vforklint: no problems found (" + scope + ")" + tail;
        }
        return "vforklint: " + result.findings().size() + " problem" + (result.findings().size() == 1 ? "" : "s")
                + " (" + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + ", " + notes + " note" + (notes == 1 ? "" : "s") + ") in " + scope + tail;
    }
}
