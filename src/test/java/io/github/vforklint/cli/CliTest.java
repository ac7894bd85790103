package io.github.vforklint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class CliTest {

    private static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();
    private static final String CALLS = ROOT.resolve("testdata/c/calls.c").toString();
    private static final String BROKEN = ROOT.resolve("testdata/c/broken.c").toString();

    @TempDir
    Path temp;

    /** Exit code, standard output and standard error of one run: what every test that runs the command line reads. */
    public record Run(int code, String out, String err) {
    }

    public static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** As the program runs: the command line made for the first argument ({@link Main#commandLine(String)}). */
    public static Run run(String... args) {
        return run(Main.commandLine(args.length > 0 ? args[0] : null), args);
    }

    public static Run run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    private Path write(String name, String code) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, code);
        return file;
    }

    @Test
    void aSubcommandAloneReadsAsItDoesAmongTheOthers() {
        for (String command : List.of("check", "rules", "explain", "probe")) {
            Run alone = run(command, "--help");
            Run among = run(Main.commandLine(), command, "--help");
            assertEquals(among, alone, command);
            assertTrue(alone.out().contains("Usage: vforklint " + command), alone.out());
        }
        Run top = run("--help");
        for (String command : List.of("check", "rules", "explain", "probe")) {
            assertTrue(top.out().contains("  " + command + " "), top.out());
        }
        Run typo = run("chek", ".");
        assertEquals(run(Main.commandLine(), "chek", "."), typo);
        assertEquals(2, typo.code());
    }

    @Test
    void cleanCodeExitsZero() throws Exception {
        Path ok = write("ok.c", "#include <unistd.h>\nvoid f(char **argv) {\n  if (vfork() == 0) { execv(argv[0], argv); _exit(127); }\n}\n");
        Run r = run("check", "--color", "never", ok.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no problems found (1 file, 1 vfork site)"), r.err());
    }

    @Test
    void findingsExitOneInGccStyleWithCaretAndNotes() throws Exception {
        Path bad = write("bad.c", "#include <stdio.h>\n#include <unistd.h>\nvoid f(void) {\n  if (vfork() == 0) {\n    printf(\"hi\");\n    _exit(1);\n  }\n}\n");
        Run r = run("check", "--color", "never", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains(":5:5: error: printf() in the vfork child"), r.out());
        assertTrue(r.out().contains("[VFK101 unsafe-call]"), r.out());
        assertTrue(r.out().contains(" 5 |     printf(\"hi\");\n   |     ^~~~~~~~~~~~"), r.out());
        assertTrue(r.out().contains(":4:7: note: the vfork child starts here"), r.out());
        assertTrue(r.err().contains("1 problem (1 error, 0 warnings, 0 notes)"), r.err());
        assertFalse(r.out().contains("\u001b["), "no color when asked for none");
    }

    @Test
    void failOnDecidesWhichFindingsFail() {
        assertEquals(0, run("check", "--fail-on", "never", CALLS).code());
        assertEquals(1, run("check", "--fail-on", "note", CALLS).code());
        assertEquals(1, run("check", "--select", "VFK108", "--fail-on", "warning", CALLS).code());
        assertEquals(0, run("check", "--select", "unknown-call", "--fail-on", "error", CALLS).code());
    }

    @Test
    void usageErrorsExitTwoWithAMessageAndNoStackTrace() {
        for (String[] args : new String[][] {
                {"check", "--no-such-flag"},
                {"check", "--select", "VFK999", CALLS},
                {"check", "--format", "xml", CALLS},
                {"check", "--profile", "lenient", CALLS},
                {"check", "-D", "1BAD", CALLS},
                {"check", "--jobs", "0", CALLS},
                {"check", ROOT.resolve("no/such/dir").toString()},
                {"explain", "VFK999"},
                {}}) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().startsWith("vforklint: "), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void unparsableCodeIsDiagnosedAndExitsThreeWhenNothingElseFails() {
        Run r = run("check", "--fail-on", "never", "--color", "never", BROKEN);
        assertEquals(3, r.code(), r.err());
        assertTrue(r.out().contains("warning: could not parse part of child_level()"), r.out());
        assertFalse(r.out().contains("parse_level()"), "no child reaches it, so its body is not read: " + r.out());
        assertTrue(r.out().contains("[VFK101 unsafe-call]"), "findings elsewhere in the file are still reported: " + r.out());
        assertEquals(1, run("check", BROKEN).code(), "findings win over an incomplete analysis");
        Run quiet = run("check", "-q", "--fail-on", "never", "--color", "never", BROKEN);
        assertEquals(3, quiet.code(), "quiet hides diagnostics, not the exit code");
        assertFalse(quiet.out().contains("could not parse"), quiet.out());
        assertEquals("", quiet.err());
    }

    @Test
    void undefiningThePredefinedGnuMacrosChangesWhatTheHeadersSay() throws Exception {
        String include = ROOT.resolve("testdata/c/include").toString();
        Path macros = ROOT.resolve("testdata/c/macros.c");
        int notReached = 0;
        java.util.List<String> lines = Files.readAllLines(macros);
        for (int i = lines.size() - 1; i >= 0 && notReached == 0; i--) {
            if (lines.get(i).contains("puts(\"not reached\")")) {
                notReached = i + 1;
            }
        }
        String marker = "\"line\" : " + notReached + ",";
        Run gnu = run("check", "-f", "json", "-I", include, macros.toString());
        Run plain = run("check", "-f", "json", "-I", include, "-U", "__GNUC__", macros.toString());
        assertFalse(gnu.out().contains(marker), "die_with_message() is noreturn for GCC");
        assertTrue(plain.out().contains(marker),
                "without __GNUC__ the header erases the attribute, so the child goes on to line " + notReached);
    }

    @Test
    void undefiningAFunctionLikeCompilerMacroTakesItBack() throws Exception {
        String fixture = ROOT.resolve("testdata/c/compiler_headers.c").toString();
        Run known = run("check", "-f", "json", fixture);
        Run undefined = run("check", "-f", "json", "-U", "offsetof", fixture);
        assertTrue(known.out().contains("\"VFK104\""), known.out());
        assertFalse(undefined.out().contains("\"VFK104\""), "without offsetof the memset() does not parse: " + undefined.out());
        assertTrue(undefined.out().contains("could not parse part of bad_clearing_the_parents_state_by_offsetof()"),
                undefined.out());
    }

    @Test
    void internalErrorsExitFourWithoutAStackTrace() {
        CommandLine cli = Main.commandLine();
        cli.addSubcommand("boom", new Boom());
        Run r = run(cli, "boom");
        assertEquals(4, r.code());
        assertTrue(r.err().contains("internal error"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("simulated bug");
        }
    }

    @Test
    void jsonFormatFollowsTheDocumentedShape() throws Exception {
        Path report = temp.resolve("out.json");
        Run r = run("check", "-f", "json", "-o", report.toString(), ROOT.resolve("testdata/c/helpers.c").toString());
        assertEquals(1, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        assertTrue(root.path("version").isTextual());
        JsonNode withTrace = null;
        for (JsonNode f : root.path("findings")) {
            for (String field : new String[] {"rule", "name", "severity", "path", "line", "column", "message", "vfork", "trace"}) {
                assertTrue(f.has(field), "finding lacks " + field + ": " + f);
            }
            if (f.path("trace").size() > 0) {
                withTrace = f;
            }
        }
        assertTrue(withTrace != null, "a finding inside a helper carries its call chain");
        JsonNode step = withTrace.path("trace").get(0);
        assertTrue(step.path("function").isTextual() && step.path("line").asInt() > 0, step.toString());
        assertTrue(root.path("diagnostics").isArray());
    }

    @Test
    void outputIsTheSameWhateverTheNumberOfJobs() {
        String dir = ROOT.resolve("testdata/c").toString();
        String include = ROOT.resolve("testdata/c/include").toString();
        Run one = run("check", "-f", "json", "-j", "1", "-I", include, dir);
        Run four = run("check", "-f", "json", "-j", "4", "-I", include, dir);
        assertEquals(one.out(), four.out());
        assertTrue(one.out().contains("VFK201"));
    }

    @Test
    void rulesExplainAndVersion() {
        Run rules = run("rules");
        assertEquals(0, rules.code());
        for (String id : new String[] {"VFK101", "VFK102", "VFK103", "VFK104", "VFK105", "VFK106", "VFK107", "VFK108", "VFK201"}) {
            assertTrue(rules.out().contains(id), id);
        }
        Run explain = run("explain", "exit-in-child");
        assertEquals(0, explain.code());
        assertTrue(explain.out().startsWith("# VFK102 exit-in-child"), explain.out());
        assertTrue(explain.out().contains("## Bad") && explain.out().contains("## Good"), explain.out());
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("vforklint \\d+\\.\\d+\\.\\d+.*\\s*"), version.out());
    }
}
