package io.github.vforklint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.cli.ExitCode;
import io.github.vforklint.cli.ProbeCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vforklint probe} end to end: real compiles and runs, output as users see it. */
class ProbeCommandTest {

    record Run(int exitCode, String out, String err) {}

    static Run probe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ProbeCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void textReportNamesEachMechanismWithItsVerdictAndWhatItMeans() {
        Run run = probe("--quick");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("vforklint probe: "), run.out());
        assertTrue(run.out().matches("(?s).*\\n  vfork\\(\\) +(true-vfork|fork-like|copy-but-suspended"
                + "|shared-not-suspended|unavailable|inconsistent) .*"), run.out());
        assertTrue(run.out().contains("clone(CLONE_VM|CLONE_VFORK|SIGCHLD)"), run.out());
        assertTrue(run.out().contains("fork() (control)  "), run.out());
        assertTrue(run.out().contains("Cost: not measured (--quick)."), run.out());
        assertTrue(run.out().contains("What it means\n  * vfork() is"), run.out());
    }

    @Test
    void textReportHasTheCostTableAndRatios() {
        ProbeTools.requireLinuxX86_64();
        Run run = probe("--sizes", "2M,8M", "--iterations", "8", "--trials", "1");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("parent size  RSS"), out);
        for (String heading : new String[] {"fork+_exit", "vfork+_exit", "fork+exec", "vfork+exec", "posix_spawn",
                "clone+exec", "fork / vfork", "fork+exec / vfork+exec", "fork+exec / posix_spawn"}) {
            assertTrue(out.contains(heading), heading + " in\n" + out);
        }
        assertTrue(out.matches("(?s).*\\n  8M +\\d+\\.\\d MiB +\\d.*"), out);
        assertTrue(out.contains("With a 8M parent, fork+exec costs"), out);
    }

    @Test
    void jsonFormatPassesTheProbeDocumentThroughWithTheCommandLines() throws IOException {
        Run run = probe("--quick", "--format", "json", "--trials", "1");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = ProbeJson.MAPPER.readTree(run.out());
        assertEquals(1, json.path("schema").asInt());
        assertTrue(json.path("mechanisms").has("vfork"));
        JsonNode invocation = json.path("invocation");
        assertTrue(invocation.path("compile").get(invocation.path("compile").size() - 1).asText().endsWith("vforkprobe.c"),
                invocation.toString());
        assertTrue(invocation.path("run").toString().contains("--quick"), invocation.toString());
        assertEquals("", run.err());
    }

    @Test
    void missingCompilerIsAUsageErrorWithoutStackTrace() {
        Run run = probe("--quick", "--cc", "/nonexistent/bin/cc");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertEquals("vforklint probe: error: C compiler '/nonexistent/bin/cc' not found (from --cc /nonexistent/bin/cc)\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void compilerNotOnPathIsAUsageError() {
        Run run = probe("--quick", "--cc", "no-such-compiler-vfk");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("C compiler 'no-such-compiler-vfk' not found on PATH"), run.err());
    }

    /** `false` exists and runs but fails: a compiler that cannot build the probe. */
    @Test
    void failingCompileIsIncompleteAndShowsTheCommand() {
        Run run = probe("--quick", "--cc", "false");
        assertEquals(ExitCode.INCOMPLETE.code(), run.exitCode());
        assertTrue(run.err().startsWith("vforklint probe: error: compiling the probe failed (exit code 1): false "),
                run.err());
        assertNoStackTrace(run);
    }

    @Test
    void compileErrorsAreQuoted() {
        Run run = probe("--quick", "--cflags", "-DVFP_NO_VFORK -Werror=this-warning-does-not-exist");
        assertEquals(ExitCode.INCOMPLETE.code(), run.exitCode());
        assertTrue(run.err().contains("this-warning-does-not-exist"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void failingRunIsIncomplete() {
        Run run = probe("--quick", "--run-with", "sh -c 'echo boom >&2; exit 7' --");
        assertEquals(ExitCode.INCOMPLETE.code(), run.exitCode());
        assertTrue(run.err().contains("the probe run failed (exit code 7)"), run.err());
        assertTrue(run.err().contains("boom"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void runWithThatPrintsNoJsonIsIncomplete() {
        Run run = probe("--quick", "--run-with", "echo");
        assertEquals(ExitCode.INCOMPLETE.code(), run.exitCode());
        assertTrue(run.err().contains("the probe printed no schema-1 JSON document"), run.err());
    }

    /** A wrapper that adds to the probe's stdout breaks the "JSON and nothing else" contract. */
    @Test
    void extraOutputAfterTheJsonIsIncomplete() {
        Run run = probe("--quick", "--trials", "1", "--run-with", "sh -c '\"$@\"; echo trailing' --");
        assertEquals(ExitCode.INCOMPLETE.code(), run.exitCode(), run.err());
        assertTrue(run.err().contains("the probe printed no schema-1 JSON document"), run.err());
    }

    @Test
    void missingRunWithProgramIsAUsageError() {
        Run run = probe("--quick", "--run-with", "no-such-emulator-vfk -x");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("--run-with program 'no-such-emulator-vfk' not found on PATH"), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(ExitCode.USAGE.code(), probe("--sizes", "2M,lots").exitCode());
        assertEquals(ExitCode.USAGE.code(), probe("--trials", "0").exitCode());
        assertEquals(ExitCode.USAGE.code(), probe("--format", "xml").exitCode());
        assertEquals(ExitCode.USAGE.code(), probe("--quick", "--plot", "x.png").exitCode());
        assertEquals(ExitCode.USAGE.code(), probe("--cc", "gcc '-O2").exitCode());
        Run sizes = probe("--sizes", "2M,lots");
        assertEquals("vforklint probe: error: --sizes expects a list like 2M,64M,1G; 'lots' is not a size\n", sizes.err());
    }

    @Test
    void plotWritesPngAndSvg(@TempDir Path dir) throws IOException, ProbeException {
        ProbeTools.requireLinuxX86_64();
        Path png = dir.resolve("cost.png");
        Run run = probe("--sizes", "2M,8M", "--iterations", "5", "--trials", "1", "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 10_000, "a real chart, not an empty image: " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));

        Path svg = dir.resolve("cost.svg");
        LatencyPlot.write(ProbeFixtures.nativeShortLatency().result(), svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
        assertTrue(text.length() > 10_000);
    }

    @Test
    void plotRejectsOtherFormats() throws Exception {
        ProbeException e = org.junit.jupiter.api.Assertions.assertThrows(ProbeException.class,
                () -> LatencyPlot.write(ProbeFixtures.nativeShortLatency().result(), Path.of("cost.gif")));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void recordThenMatrixPrintsOneRowPerPlatform(@TempDir Path dir) {
        Run first = probe("--quick", "--trials", "1", "--record", dir.toString());
        assertEquals(0, first.exitCode(), first.err());
        Run again = probe("--quick", "--trials", "1", "--record", dir.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("result recorded in " + dir), again.err());

        Run matrix = probe("matrix", dir.toString());
        assertEquals(0, matrix.exitCode(), matrix.err());
        String[] lines = matrix.out().split("\n");
        assertEquals(3, lines.length, "header, rule, one platform (the second run replaced the first):\n" + matrix.out());
        assertTrue(lines[0].startsWith("| setup | OS release | arch | libc |"), lines[0]);
        assertTrue(lines[2].matches("\\| linux-\\S+ \\| .* \\| \\*\\*(true-vfork|fork-like|[a-z-]+)\\*\\* \\|.*"), lines[2]);
    }

    @Test
    void matrixOfAnEmptyOrMissingDirectoryIsAUsageError(@TempDir Path dir) {
        Run empty = probe("matrix", dir.toString());
        assertEquals(ExitCode.USAGE.code(), empty.exitCode());
        assertTrue(empty.err().startsWith("vforklint probe: error: no probe results in "), empty.err());
        assertEquals(ExitCode.USAGE.code(), probe("matrix", dir.resolve("nope").toString()).exitCode());
    }

    @Test
    void helpListsTheOptionsOfTheIssue() {
        Run run = probe("--help");
        assertEquals(0, run.exitCode());
        for (String option : new String[] {"--cc", "--cflags", "--run-with", "--format", "--quick", "--plot", "--record",
                "--sizes", "matrix"}) {
            assertTrue(run.out().contains(option), option);
        }
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    }
}
