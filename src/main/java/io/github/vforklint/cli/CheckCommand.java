package io.github.vforklint.cli;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.api.Check;
import io.github.vforklint.api.CheckException;
import io.github.vforklint.api.CheckRequest;
import io.github.vforklint.api.CheckResult;
import io.github.vforklint.config.CheckConfig;
import io.github.vforklint.config.FailOn;
import io.github.vforklint.config.Glob;
import io.github.vforklint.config.MacroNames;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.report.Report;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.report.ReportSettings;
import io.github.vforklint.report.SarifCategory;
import io.github.vforklint.rules.Profile;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.suppress.FilteredResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
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
            description = "Output format: text, json, sarif, checkstyle, github or gitlab (default: text).")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = "Also write a report in FORMAT to FILE (repeatable: several formats in one run).")
    List<String> reports = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Read options from FILE instead of the .vforklint.yml found from the scan root upwards. "
                    + "A file named here may set cc and system-includes; one found in the scanned tree may not.")
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
            description = "How many calls deep to follow the vfork child into helpers (default: ${DEFAULT-VALUE}).")
    int maxDepth = io.github.vforklint.analysis.AnalysisLimits.defaults().callDepth();

    @Option(names = "--max-helper-reach", paramLabel = "N",
            description = "Do not follow a helper that reaches more than N functions, such as an interpreter's "
                    + "call machinery (default: ${DEFAULT-VALUE}).")
    int maxHelperReach = io.github.vforklint.analysis.AnalysisLimits.defaults().helperReach();

    @Option(names = "--max-configs", paramLabel = "N",
            description = "Analyse each C file in at most N preprocessor configurations beyond the default one, where"
                    + " they bring in vfork code the default leaves out (default: ${DEFAULT-VALUE}; 0: the default one only).")
    int maxConfigs = io.github.vforklint.frontend.c.ConfigurationSearch.defaults().maxConfigurations();

    @Option(names = "--explore-configs", negatable = true,
            description = "Also look for other configurations of files whose configuration -D, -U or the compilation"
                    + " database pins (default: only the pinned one).")
    boolean exploreConfigs;

    @Option(names = "--file-timeout", paramLabel = "SECONDS",
            description = "Abandon a file, with a diagnostic, after SECONDS (default: ${DEFAULT-VALUE}).")
    long fileTimeout = io.github.vforklint.frontend.c.ConfigurationSearch.defaults().fileTimeLimit().toSeconds();

    @Option(names = "--java-release", paramLabel = "N",
            description = "Parse Java sources at Java N's language level (default: the newest the parser knows).")
    Integer javaRelease;

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

    @Option(names = "--sarif-category", paramLabel = "NAME",
            description = "SARIF: the code scanning category of the run (runAutomationDetails.id NAME/; default: vforklint).")
    String sarifCategory;

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
        Path baseDir = Path.of("").toAbsolutePath();
        List<Output> outputs = outputs();
        SarifCategory category = sarifCategory(outputs);
        if (maxDepth < 1 || maxHelperReach < 1) {
            throw new UsageException("--max-depth and --max-helper-reach must be at least 1");
        }
        java.util.Optional<String> search = io.github.vforklint.frontend.c.ConfigurationSearch.problem(maxConfigs,
                "--max-configs", fileTimeout, "--file-timeout");
        if (search.isPresent()) {
            throw new UsageException(search.get());
        }
        RuleCatalogue catalogue = RuleCatalogue.load();
        CheckRequest request = new CheckRequest(baseDir, commandLineConfig(baseDir, catalogue), config, !noConfig,
                compileCommands, new AnalysisLimits(maxDepth, AnalysisLimits.defaults().stepsPerFunction(), maxHelperReach),
                writeBaseline, new io.github.vforklint.frontend.c.ConfigurationSearch(maxConfigs, exploreConfigs,
                java.time.Duration.ofSeconds(fileTimeout)));
        try {
            Check check = Check.prepare(request, catalogue);
            if (printConfig) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(check.config().printable());
                out.flush();
                return ExitCode.OK.code();
            }
            CheckResult result = check.run();
            for (Output o : outputs) {
                writeReport(result, o, category);
            }
            if (!quiet) {
                spec.commandLine().getErr().println(result.summary());
                spec.commandLine().getErr().flush();
            }
            return switch (result.status()) {
                case CLEAN -> ExitCode.OK.code();
                case FINDINGS -> ExitCode.FINDINGS.code();
                case INCOMPLETE -> ExitCode.INCOMPLETE.code();
            };
        } catch (CheckException e) {
            throw new UsageException(e.getMessage());
        }
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
        if (javaRelease != null && javaRelease < 1) {
            throw new UsageException("--java-release must be a Java release such as 17 or 21");
        }
        return new CheckConfig(chosenProfile, select, ignore, parseSeverities(catalogue),
                includes == null ? null : includes.stream().map(g -> glob(baseDir, g, "--include")).toList(),
                excludes == null ? null : excludes.stream().map(g -> glob(baseDir, g, "--exclude")).toList(),
                includeDirs, parseDefines(defines), undefines, systemIncludes, compiler, jobs, chosenFailOn,
                baseline, requireReason, paths.isEmpty() ? null : paths, javaRelease);
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

    /** The category SARIF reports are written with; naming one when no SARIF is written is a mistake worth saying. */
    private SarifCategory sarifCategory(List<Output> outputs) {
        if (sarifCategory == null) {
            return SarifCategory.DEFAULT;
        }
        if (outputs.stream().noneMatch(o -> o.format() == ReportFormat.SARIF)) {
            throw new UsageException("--sarif-category: no SARIF report is written (add -f sarif or --report sarif=FILE)");
        }
        try {
            return SarifCategory.parse(sarifCategory);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sarif-category: " + e.getMessage());
        }
    }

    private void writeReport(CheckResult result, Output o, SarifCategory category) throws IOException, CheckException {
        CheckResult shown = result;
        if (quiet && o.format() == ReportFormat.TEXT) {
            // Quiet trims what people read; machine formats and the exit code keep the whole truth.
            FilteredResult f = result.filtered();
            ScanResult r = f.result();
            shown = new CheckResult(new FilteredResult(new ScanResult(r.findings(), List.of(), r.filesScanned(),
                    r.filesParsed(), r.vforkSites()), f.suppressed(), f.stale(), f.recorded(), f.fingerprints()),
                    result.config(), result.catalogue(), result.baseDir());
        }
        ReportSettings settings = shown.reportSettings(useColor(o), includeSuppressed).withSarifCategory(category);
        if (o.file() != null) {
            shown.writeReport(o.format(), settings, o.file());
        } else {
            PrintWriter out = spec.commandLine().getOut();
            shown.writeReport(o.format(), settings, out);
            out.flush();
        }
    }
}
