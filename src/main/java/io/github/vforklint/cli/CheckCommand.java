package io.github.vforklint.cli;

import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.report.Report;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.report.SourceLines;
import io.github.vforklint.rules.Profile;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.scan.ScanOptions;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.scan.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scans C files and directories for vfork() misuse.")
final class CheckCommand implements Callable<Integer> {

    /** When color is used. */
    enum ColorMode { auto, always, never }

    /** Which findings make the exit code 1. */
    enum FailOn { error, warning, note, never }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Files or directories to scan (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Output format: text or json (default: text).")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "default (allows async-signal-safe calls) or strict (POSIX: only exec and _exit).")
    String profile = "default";

    @Option(names = "--select", paramLabel = "RULE", split = ",",
            description = "Only these rules (ids or names; repeatable or comma-separated).")
    List<String> select = new ArrayList<>();

    @Option(names = "--ignore", paramLabel = "RULE", split = ",", description = "Turn these rules off.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Lowest severity that makes the exit code 1: error, warning, note or never (default: error).")
    FailOn failOn = FailOn.error;

    @Option(names = "-I", paramLabel = "DIR", description = "Add DIR to the include search path (as the compiler's -I).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Define a macro (as the compiler's -D).")
    List<String> defines = new ArrayList<>();

    @Option(names = "-U", paramLabel = "NAME", description = "Undefine a macro, including the predefined GCC-on-Linux ones (as the compiler's -U).")
    List<String> undefines = new ArrayList<>();

    @Option(names = "--system-includes",
            description = "Read <...> headers with the local compiler's search path and predefined macros.")
    boolean systemIncludes;

    @Option(names = "--cc", paramLabel = "COMPILER", description = "Compiler asked for --system-includes (default: cc).")
    String compiler = "cc";

    @Option(names = {"-p", "--compile-commands"}, paramLabel = "PATH",
            description = "compile_commands.json (or its directory) giving each file its build's flags "
                    + "(default: one at a scanned directory or in its build/).")
    Path compileCommands;

    @Option(names = "--max-depth", paramLabel = "N",
            description = "How many calls deep to follow the vfork child into helpers (default: 64).")
    int maxDepth = io.github.vforklint.analysis.AnalysisLimits.defaults().callDepth();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files and directories matching GLOB (relative to the current directory).")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parse N files in parallel (default: number of CPUs).")
    Integer jobs;

    @Option(names = "--color", paramLabel = "WHEN", description = "auto, always or never (default: auto: only on a terminal, and not with NO_COLOR set).")
    ColorMode color = ColorMode.auto;

    @Option(names = {"-q", "--quiet"}, description = "Print findings only: no summary line, no diagnostics in text output (the exit code still reflects them).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        ReportFormat reportFormat = parseFormat(format);
        ScanOptions options = scanOptions();
        Scanner scanner;
        try {
            scanner = new Scanner(options, FunctionKnowledge.load(), RuleCatalogue.load());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ScanResult result;
        try {
            result = scanner.scan(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (Scanner.ScanException e) {
            throw new UsageException(e.getMessage());
        }
        // Quiet trims what people read; machine formats and the exit code keep the whole truth.
        ScanResult shown = quiet && reportFormat == ReportFormat.TEXT
                ? new ScanResult(result.findings(), List.of(), result.filesScanned(), result.filesParsed(), result.vforkSites())
                : result;
        writeReport(shown, reportFormat, options.baseDir());
        if (!quiet) {
            spec.commandLine().getErr().println(summary(result));
            spec.commandLine().getErr().flush();
        }
        return exitCode(result).code();
    }

    ScanOptions scanOptions() {
        Profile chosenProfile;
        try {
            chosenProfile = Profile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--profile: " + e.getMessage());
        }
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (maxDepth < 1) {
            throw new UsageException("--max-depth must be at least 1");
        }
        if (threads < 1) {
            throw new UsageException("--jobs must be at least 1");
        }
        return new ScanOptions(Path.of("").toAbsolutePath(), chosenProfile, select, ignore, includeDirs,
                parseDefines(defines), undefines, excludes, threads, systemIncludes, compiler, compileCommands,
                new AnalysisLimits(maxDepth, AnalysisLimits.defaults().stepsPerFunction()));
    }

    private static ReportFormat parseFormat(String text) {
        try {
            return ReportFormat.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: unknown format '" + text + "' (expected text or json)");
        }
    }

    private static Map<String, String> parseDefines(List<String> defines) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String d : defines) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq);
            if (!name.matches("[A-Za-z_]\\w*(\\(.*\\))?")) {
                throw new UsageException("-D: not a macro name: '" + d + "'");
            }
            result.put(name, eq < 0 ? "1" : d.substring(eq + 1));
        }
        return result;
    }

    private void writeReport(ScanResult result, ReportFormat reportFormat, Path base) throws IOException {
        boolean toFile = output != null;
        boolean useColor = !toFile && reportFormat == ReportFormat.TEXT && switch (color) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null;
        };
        Report report = Report.of(reportFormat, new SourceLines(base), useColor);
        if (toFile) {
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                report.write(result, w);
            } catch (IOException e) {
                throw new UsageException("--output: cannot write " + output + ": " + e.getMessage());
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            report.write(result, out);
            out.flush();
        }
    }

    private ExitCode exitCode(ScanResult result) {
        if (failOn != FailOn.never) {
            Severity threshold = Severity.parse(failOn.name());
            for (Finding f : result.findings()) {
                if (f.severity().compareTo(threshold) >= 0) {
                    return ExitCode.FINDINGS;
                }
            }
        }
        return result.incomplete() ? ExitCode.INCOMPLETE : ExitCode.OK;
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
