package io.github.vforklint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.report.SarifSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hostile or broken input of issue 12, run through the command line as a user would, each
 * with the exit code and message it must give. No case may end in exit 4 (a vforklint bug) or a
 * stack trace: {@link #run} asserts that for every run, whatever the case expects besides. What
 * each case gave is written to {@code target/bad-input-matrix.md}.
 *
 * <p>A case whose fix belongs to another part of the code and has not landed yet is skipped with
 * {@link #pendingFix}, which names who owns it; {@code -Dvforklint.matrix.all=true} runs those too.
 *
 * <p>The {@code @Timeout}s are hang guards, not performance checks: each bounds a run that used to
 * take minutes or forever, at many times what it takes now, so a slow machine cannot fail them.
 */
class BadInputMatrixTest {

    private static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();
    private static final Map<String, String> MATRIX = new TreeMap<>();
    private static final String VFORK_PRINTF = """
            #include <stdio.h>
            #include <unistd.h>
            void f(void) {
                if (vfork() == 0) {
                    printf("child\\n");
                    _exit(0);
                }
            }
            """;

    @TempDir
    Path temp;

    /** Exit code and output of one run. */
    record Outcome(int code, String out, String err) {
    }

    // ---- security ----------------------------------------------------------------------------

    @Test
    void treeConfigurationCannotMakeVforklintRunAProgram() throws Exception {
        Path tree = tree("tree-config");
        Path marker = temp.resolve("compiler-was-run");
        Path cc = script(tree.resolve("tools/cc"), "touch '" + marker + "'\nexec cc \"$@\"\n");
        Files.writeString(tree.resolve(".vforklint.yml"), "system-includes: true\ncc: " + cc + "\n");
        Outcome found = runIn(tree, "check", ".");
        record("tree's .vforklint.yml sets system-includes and cc", found);
        assertEquals(2, found.code(), found.err());
        assertTrue(found.err().contains("cannot make vforklint run a program"), found.err());
        assertFalse(Files.exists(marker), "the tree's compiler must not run");

        Files.writeString(tree.resolve(".vforklint.yml"), "cc: " + cc + "\n");
        Outcome withFlag = runIn(tree, "check", "--system-includes", ".");
        assertEquals(2, withFlag.code(), "--system-includes on the command line does not make the tree's cc trusted: "
                + withFlag.err());
        assertFalse(Files.exists(marker), "the tree's compiler must not run");

        // The control: the same file named with -c is the user's choice, and its compiler does run.
        Outcome named = runIn(tree, "check", "-c", ".vforklint.yml", "--system-includes", ".");
        assertNotEquals(2, named.code(), named.err());
        assertTrue(Files.exists(marker), "a configuration named with -c may choose the compiler: " + named.err());
    }

    // ---- hangs -------------------------------------------------------------------------------

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void nolintWithManyStarsIsMatchedInLinearTime() throws Exception {
        Path tree = tree("nolint");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF + "// NOLINT(vforklint-" + "*".repeat(64) + "z)\n"
                + "// NOLINT(" + "NOLINT(".repeat(20_000) + "\n");
        Outcome o = run("check", "--no-config", tree.toString());
        record("NOLINT(vforklint-****...z) with 64 stars, 20,000 unclosed NOLINT(", o);
        assertEquals(1, o.code(), o.err());
        assertTrue(o.out().contains("matches no vforklint rule with vforklint-****"), o.out());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hostileGlobInTheTreesConfigurationIsMatchedInLinearTime() throws Exception {
        Path tree = tree("glob");
        Path deep = Files.createDirectories(tree.resolve("a".repeat(60)));
        Files.writeString(deep.resolve("a.c"), VFORK_PRINTF);
        Files.writeString(tree.resolve(".vforklint.yml"), "exclude: [\"" + "**a".repeat(30) + "**b\"]\n");
        Outcome o = runIn(tree, "check", ".");
        record("exclude: [\"**a**a...**b\"] (30 times) in the tree's .vforklint.yml", o);
        assertEquals(1, o.code(), "nothing excluded, the finding reported: " + o.err());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void macroBombIsCutWithADiagnostic() throws Exception {
        Path tree = tree("macro-bomb");
        StringBuilder c = new StringBuilder("#include <unistd.h>\n#define A0 x\n");
        for (int i = 1; i <= 30; i++) {
            c.append("#define A").append(i).append(" A").append(i - 1).append(" A").append(i - 1).append('\n');
        }
        c.append("int x;\nvoid f(void) { if (vfork() == 0) { A30; _exit(0); } }\n");
        Files.writeString(tree.resolve("bomb.c"), c);
        Outcome o = run("check", "--no-config", tree.toString());
        record("30-level macro bomb in a vfork child", o);
        assertEquals(3, o.code(), o.err());
        assertTrue(o.out().contains("bomb.c"), "a diagnostic names the file: " + o.out());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void compilerThatNeverAnswersTimesOut() throws Exception {
        Path sleeper = script(temp.resolve("sleeper"), "sleep 1000\n");
        Path tree = tree("slow-compiler");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Outcome o = run("check", "--no-config", "--system-includes", "--cc", sleeper.toString(), tree.toString());
        record("--system-includes --cc ./sleeper", o);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("did not finish within"), o.err());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void namedInputsThatAreFifosAreRefusedWithoutBlocking() throws Exception {
        Path tree = tree("fifo-options");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Path fifo = fifo(temp.resolve("fifo"));
        for (String option : List.of("-p", "-c", "--baseline")) {
            Outcome o = run("check", option, fifo.toString(), tree.toString());
            record(option + " FIFO", o);
            assertEquals(2, o.code(), option + ": " + o.err());
            assertTrue(o.err().contains("not a regular file"), option + ": " + o.err());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void headerThatIsAFifoDoesNotBlock() throws Exception {
        Path tree = tree("fifo-header");
        fifo(Files.createDirectories(tree.resolve("inc")).resolve("f.h"));
        Files.writeString(tree.resolve("a.c"), "#include \"f.h\"\n" + VFORK_PRINTF);
        Outcome o = run("check", "--no-config", "-I", tree.resolve("inc").toString(), tree.resolve("a.c").toString());
        record("a .h in an -I folder is a FIFO", o);
        assertEquals(1, o.code(), "the header is skipped with a diagnostic, the file still analysed: " + o.err());
        assertTrue(o.out().contains("f.h"), o.out());
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void deepNestingIsCutWithADiagnostic() throws Exception {
        Path tree = tree("nesting");
        Files.writeString(tree.resolve("ifs.c"), "#include <unistd.h>\nvoid f(int a) {\n if (vfork() == 0) {\n"
                + "if (a) {\n".repeat(10_000) + "}\n".repeat(10_000) + " _exit(0); }\n}\n");
        // A file is parsed only when it can involve vfork: this one must, for its nesting to be met at all.
        Files.writeString(tree.resolve("parens.c"), "#include <unistd.h>\nint g(int a) { if (vfork() == 0) _exit(0); return "
                + "(".repeat(100_000) + "a" + ")".repeat(100_000) + "; }\n");
        Outcome o = run("check", "--no-config", tree.toString());
        record("10k nested ifs, 100k nested parentheses", o);
        assertEquals(3, o.code(), o.err());
        assertTrue(o.out().contains("ifs.c") && o.out().contains("parens.c"), o.out());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void longDefineDoesNotOverflowTheStack() throws Exception {
        Path tree = tree("long-define");
        Files.writeString(tree.resolve("a.c"), "#define LONG \\\n" + "  x + \\\n".repeat(2000) + "  x\n"
                + "int x;\nint g(void) { return LONG; }\n" + VFORK_PRINTF);
        Outcome o = run("check", "--no-config", tree.toString());
        record("2000-line #define", o);
        assertTrue(o.code() == 1 || o.code() == 3, o.err());
    }

    // ---- crashes and wrong exit codes -------------------------------------------------------

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void hugeFilesAreSkippedWithADiagnostic() throws Exception {
        Path tree = tree("huge");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        sparse(tree.resolve("huge.c"), 3L << 30);
        sparse(tree.resolve("big.c"), 3L << 29);
        Outcome o = run("check", "--no-config", "-f", "json", tree.toString());
        record("3 GiB and 1.5 GiB files in the tree", o);
        assertEquals(1, o.code(), "the small file's finding is still reported: " + o.err());
        assertTrue(o.out().contains("huge.c") && o.out().contains("big.c"), "each skipped with a diagnostic: " + o.out());
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void headerLinkedToDevZeroIsNotRead() throws Exception {
        Path tree = tree("dev-zero-header");
        Path inc = Files.createDirectories(tree.resolve("inc"));
        Files.createSymbolicLink(inc.resolve("z.h"), Path.of("/dev/zero"));
        Files.writeString(tree.resolve("a.c"), "#include \"z.h\"\n" + VFORK_PRINTF);
        Outcome o = run("check", "--no-config", "-I", inc.toString(), tree.resolve("a.c").toString());
        record("-I folder with z.h -> /dev/zero", o);
        assertEquals(1, o.code(), o.err());
        assertTrue(o.out().contains("z.h"), "a diagnostic names the header: " + o.out());
    }

    @Test
    void devicesAsConfigurationOrBaselineAreRefused() throws Exception {
        Path tree = tree("devices");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Outcome config = run("check", "-c", "/dev/urandom", tree.toString());
        record("-c /dev/urandom", config);
        assertEquals(2, config.code(), config.err());
        assertTrue(config.err().contains("not a regular file"), config.err());
        Outcome baseline = run("check", "--no-config", "--baseline", "/dev/zero", tree.toString());
        record("--baseline /dev/zero", baseline);
        assertEquals(2, baseline.code(), baseline.err());
        assertTrue(baseline.err().contains("not a regular file"), baseline.err());
    }

    @Test
    void oversizedConfigurationAndBaselineAreRefused() throws Exception {
        Path tree = tree("oversized");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Path config = sparse(temp.resolve("big.yml"), (1L << 20) + 1);
        Outcome o = run("check", "-c", config.toString(), tree.toString());
        record("-c with a 1 MiB + 1 byte file", o);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("larger than 1 MiB"), o.err());
        Path baseline = sparse(temp.resolve("big.json"), (64L << 20) + 1);
        o = run("check", "--no-config", "--baseline", baseline.toString(), tree.toString());
        record("--baseline with a 64 MiB + 1 byte file", o);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("larger than 64 MiB"), o.err());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void runningOutOfMemoryIsExitThreeWithAMessage() throws Exception {
        Path tree = tree("oom");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        // A baseline under the size limit but far over a 24 MiB heap once read into objects.
        StringBuilder json = new StringBuilder("{\"format\":\"vforklint-baseline\",\"version\":1,\"entries\":[");
        for (int i = 0; i < 120_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"rule\":\"VFK101\",\"path\":\"src/file").append(i)
                    .append(".c\",\"fingerprint\":\"").append(Integer.toHexString(i * 7919)).append("\",\"count\":1}");
        }
        Files.writeString(temp.resolve("baseline.json"), json.append("]}"));
        Outcome o = runProcess(temp, List.of(), List.of("-Xmx24m", "-XX:+UseSerialGC"), null,
                "check", "--no-config", "--baseline", temp.resolve("baseline.json").toString(), tree.toString());
        record("out of memory (24 MiB heap, a 14 MB baseline)", o);
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains("out of memory"), o.err());
    }

    @Test
    void relativeCompileCommandsPathAsTheReadmeWritesIt() throws Exception {
        Path tree = tree("compdb");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Files.writeString(tree.resolve("compile_commands.json"),
                "[{\"directory\": \".\", \"file\": \"a.c\", \"command\": \"cc -DX=1 -c a.c\"}]");
        Outcome o = runIn(tree, "check", "--no-config", "-p", "compile_commands.json", ".");
        record("check -p compile_commands.json .", o);
        assertEquals(1, o.code(), o.err());
        assertTrue(o.out().contains("a.c:5:"), o.out());
    }

    @Test
    void baselineWithNullEntryIsAnError() throws Exception {
        Path tree = tree("baseline-null");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Path baseline = temp.resolve("b.json");
        Files.writeString(baseline, "{\"format\":\"vforklint-baseline\",\"version\":1,\"entries\":[null]}");
        Outcome o = run("check", "--no-config", "--baseline", baseline.toString(), tree.toString());
        record("baseline with \"entries\":[null]", o);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("entry 1 is null"), o.err());
    }

    @Test
    void baselineEntriesWithoutFunctionAreRead() throws Exception {
        Path tree = tree("baseline-nofunction");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Path baseline = temp.resolve("b.json");
        Files.writeString(baseline, "{\"format\":\"vforklint-baseline\",\"version\":1,\"entries\":["
                + "{\"rule\":\"VFK101\",\"path\":\"a.c\",\"fingerprint\":\"00\",\"count\":1},"
                + "{\"rule\":\"VFK101\",\"path\":\"a.c\",\"fingerprint\":\"01\",\"count\":2147483647},"
                + "{\"rule\":\"VFK101\",\"path\":\"a.c\",\"fingerprint\":\"01\",\"count\":2147483647}]}");
        Outcome o = run("check", "--no-config", "--baseline", baseline.toString(), tree.toString());
        record("baseline: entries for one rule and path without function", o);
        assertEquals(1, o.code(), "they match nothing here, so the finding is new: " + o.err());
        assertTrue(o.err().contains("stale"), o.err());
    }

    @Test
    void fileNameWithSpaceAndColonMakesValidSarif() throws Exception {
        Path tree = tree("sarif-name");
        Files.createDirectories(tree.resolve(".git"));
        Files.writeString(tree.resolve("e f:g.c"), VFORK_PRINTF);
        Files.writeString(tree.resolve("h\nl\u001b[31m.c"), VFORK_PRINTF);
        Outcome o = runIn(tree, "check", "--no-config", "-f", "sarif", ".");
        record("files named `e f:g.c` and `h<newline>l<ESC>[31m.c`, SARIF", o);
        assertEquals(1, o.code(), o.err());
        JsonNode sarif = SarifSchema.parseValid(o.out());
        List<String> uris = new ArrayList<>();
        sarif.at("/runs/0/results").forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertTrue(uris.contains("e%20f%3Ag.c"), uris.toString());
        for (String uri : uris) {
            assertEquals(uri, java.net.URI.create(uri).toString(), "a valid relative URI");
        }
        Outcome text = runIn(tree, "check", "--no-config", ".");
        assertTrue(text.out().contains("./h\\nl\\x1b[31m.c:5:") || text.out().contains("h\\nl\\x1b[31m.c:5:"),
                "control characters in names are escaped in text: " + text.out());
        assertFalse(text.out().contains("\u001b"), text.out());
    }

    @Test
    void fileNameThatIsNotUtf8IsScanned() throws Exception {
        Path tree = tree("non-utf8");
        Path made = temp.resolve("made");
        Files.writeString(made, VFORK_PRINTF);
        shell("cp '" + made + "' \"" + tree + "/$(printf 'bad\\377name.c')\"");
        Outcome o = run("check", "--no-config", tree.toString());
        record("a file name that is not UTF-8", o);
        assertEquals(1, o.code(), o.err());
        assertTrue(o.out().contains("bad"), o.out());
    }

    @Test
    void probeTimeoutOutOfRangeIsAUsageError() {
        Outcome o = run("probe", "--quick", "--timeout", "9223372036854775807");
        record("probe --timeout 9223372036854775807", o);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--timeout must be from 1 to"), o.err());
    }

    @Test
    void unreadableFilesAndDirectoriesAreDiagnostics() throws Exception {
        Path tree = tree("unreadable");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Files.writeString(tree.resolve("secret.h"), "int x;\n");
        Files.setPosixFilePermissions(tree.resolve("secret.h"), PosixFilePermissions.fromString("---------"));
        Path dir = Files.createDirectories(tree.resolve("closed"));
        Files.writeString(dir.resolve("b.c"), VFORK_PRINTF);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            Outcome o = runUnprivileged(tree, "check", "--no-config", ".");
            record("an unreadable header and an unreadable directory", o);
            assertEquals(1, o.code(), "the readable file's finding is still reported: " + o.err());
            assertTrue(o.out().contains("secret.h") && o.out().contains("closed"), "each named in a diagnostic: " + o.out());
            Outcome root = runUnprivileged(tree, "check", "--no-config", "closed");
            record("an unreadable scan root", root);
            assertEquals(3, root.code(), root.err());
            assertTrue(root.out().contains("closed"), root.out());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    // ---- lost findings and silent skips -----------------------------------------------------

    @Test
    void symlinkAsTheScanRootIsFollowed() throws Exception {
        Path tree = tree("real");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Path link = Files.createSymbolicLink(temp.resolve("link"), tree);
        Outcome o = run("check", "--no-config", link.toString());
        record("a symlink as the scan root", o);
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("1 file"), o.err());
    }

    @Test
    void yamlAliasIsRefused() throws Exception {
        Path tree = tree("alias");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Files.writeString(tree.resolve(".vforklint.yml"), "exclude: &e [x.c]\ninclude: *e\n");
        Outcome o = runIn(tree, "check", ".");
        record("YAML alias in .vforklint.yml", o);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(".vforklint.yml:2:") && o.err().contains("aliases"), o.err());
    }

    @Test
    void utf16AndCarriageReturnOnlyFilesAreRead() throws Exception {
        Path tree = tree("encodings");
        Files.write(tree.resolve("wide.c"), VFORK_PRINTF.getBytes(StandardCharsets.UTF_16));
        Files.writeString(tree.resolve("mac.c"), VFORK_PRINTF.replace('\n', '\r'));
        Outcome o = run("check", "--no-config", "-f", "json", tree.toString());
        record("UTF-16 file, CR-only line ends", o);
        assertEquals(1, o.code(), o.err());
        assertTrue(o.out().contains("wide.c"), "a UTF-16 file is read, or named in a diagnostic: " + o.out());
        assertTrue(o.out().contains("\"line\" : 5") || o.out().contains("\"line\":5"), "CR ends lines: " + o.out());
    }

    @Test
    void bareIfIsADiagnostic() throws Exception {
        Path tree = tree("bare-if");
        Files.writeString(tree.resolve("a.c"), "#if\n#endif\n" + VFORK_PRINTF);
        Outcome o = run("check", "--no-config", tree.toString());
        record("a bare #if", o);
        assertTrue(o.code() == 1 || o.code() == 3, o.err());
        assertTrue(o.out().contains("a.c:1"), "the bad directive is named: " + o.out());
    }

    // ---- reports destroyed ------------------------------------------------------------------

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void failedWritesLeaveThePreviousReportsIntact() throws Exception {
        Path tree = tree("reports");
        for (int i = 0; i < 30; i++) {
            Files.writeString(tree.resolve("f" + i + ".c"), VFORK_PRINTF);
        }
        String previous = "previous report\n";
        for (String[] how : List.of(new String[]{"-f", "sarif", "-o", "out.sarif"},
                new String[]{"-f", "json", "-o", "out.json"}, new String[]{"--report", "sarif=rep.sarif"},
                new String[]{"--write-baseline", "base.json"})) {
            String file = how[how.length - 1].replaceFirst("^sarif=", "");
            Files.writeString(temp.resolve(file), previous);
            List<String> args = new ArrayList<>(List.of("check", "--no-config"));
            args.addAll(List.of(how));
            args.add(tree.toString());
            // 4 KiB: every report of thirty findings is larger.
            Outcome o = runProcess(temp, List.of(), List.of(), "ulimit -f 4", args.toArray(String[]::new));
            record("file size limit 4 KiB with " + String.join(" ", how), o);
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("cannot write"), o.err());
            assertEquals(previous, Files.readString(temp.resolve(file)), "the previous " + file + " is intact");
        }
        try (var left = Files.list(temp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file is left behind");
        }
    }

    // ---- nondeterminism ---------------------------------------------------------------------

    @Test
    void unusedSuppressionMessageIsSorted() throws Exception {
        Path tree = tree("sorted");
        Files.writeString(tree.resolve("a.c"), "// vforklint-disable-next-line VFK104, VFK101 -- reason\nint x;\n");
        Outcome o = run("check", "--no-config", tree.toString());
        record("unused suppression naming VFK104 and VFK101", o);
        assertEquals(0, o.code(), "VFK001 is a note: " + o.err());
        assertTrue(o.out().contains("no VFK101 or VFK104 finding on line 2"), o.out());
    }

    @Test
    void outputIsTheSameForAnyJobCountAndFileOrder() throws Exception {
        // 16 children enter one 80-deep helper chain at depths 0, 4, 8...: the helper-reach and
        // depth cuts name a helper that each child reaches at a different depth.
        Path tree = tree("jobs");
        StringBuilder chain = new StringBuilder("#include <stdio.h>\n#include <unistd.h>\n");
        for (int i = 0; i < 80; i++) {
            chain.append("void h").append(i).append("(void);\n");
        }
        for (int i = 0; i < 79; i++) {
            chain.append("void h").append(i).append("(void) { h").append(i + 1).append("(); }\n");
        }
        chain.append("void h79(void) { printf(\"deep\\n\"); }\n");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("chain.c", chain.toString());
        for (int i = 0; i < 16; i++) {
            files.put("child" + i + ".c", "#include <unistd.h>\nvoid h" + (i * 4) + "(void);\n"
                    + "void c" + i + "(void) { if (vfork() == 0) { h" + (i * 4) + "(); _exit(0); } }\n");
        }
        List<String> names = new ArrayList<>(files.keySet());
        String first = null;
        for (String jobs : List.of("1", "2", "4", "1", "4", "2")) {
            // every other round, the files are written again in the opposite order (directory order)
            if (first == null || jobs.equals("1")) {
                java.util.Collections.reverse(names);
                for (String name : names) {
                    Files.deleteIfExists(tree.resolve(name));
                }
                for (String name : names) {
                    Files.writeString(tree.resolve(name), files.get(name));
                }
            }
            Outcome o = run("check", "--no-config", "-f", "json", "-j", jobs, tree.toString());
            assertNotEquals(4, o.code(), o.err());
            if (first == null) {
                first = o.out();
                assertTrue(first.contains("--max-helper-reach"), "the reach cut is said: " + first);
                record("16 children entering one 80-deep helper chain, -j 1/2/4, files written in both orders", o);
            } else {
                assertEquals(first, o.out(), "-j " + jobs + " gives the same report");
            }
        }
    }

    @Test
    void findingInASharedHelperNamesTheSameVforkEveryRun() throws Exception {
        Path tree = tree("shared-helper");
        Files.writeString(tree.resolve("helper.c"), "#include <stdio.h>\nvoid report(void) { printf(\"child\\n\"); }\n");
        for (int i = 0; i < 16; i++) {
            Files.writeString(tree.resolve("gen" + i + ".c"), "#include <unistd.h>\nvoid report(void);\n"
                    + "void g" + i + "(void) { if (vfork() == 0) { report(); _exit(0); } }\n");
        }
        String first = null;
        for (int run = 0; run < 6; run++) {
            Outcome o = run("check", "--no-config", "-f", "json", "-j", run % 2 == 0 ? "1" : "2", tree.toString());
            if (first == null) {
                first = o.out();
                record("16 generated files whose children share one helper, 6 runs", o);
            } else {
                assertEquals(first, o.out(), "run " + run + " names the same vfork child");
            }
        }
    }

    /** Immutable maps iterate in an order salted per JVM: only separate JVMs show such a difference. */
    @Test
    void sarifIsTheSameFromOneJvmToTheNext() throws Exception {
        Path tree = tree("sarif-jvms");
        Files.writeString(tree.resolve("a.c"), VFORK_PRINTF);
        Outcome first = runIn(tree, "check", "--no-config", "-f", "sarif", ".");
        record("SARIF of one file, from three JVMs", first);
        for (int i = 0; i < 2; i++) {
            assertEquals(first.out(), runIn(tree, "check", "--no-config", "-f", "sarif", ".").out());
        }
    }

    // ---- the runs ---------------------------------------------------------------------------

    /** Skips a case whose fix is owned elsewhere and has not landed; {@code -Dvforklint.matrix.all=true} runs it. */
    private static void pendingFix(String owner, String what) {
        Assumptions.assumeTrue(Boolean.getBoolean("vforklint.matrix.all"),
                "pending fix by " + owner + ": " + what + " (run with -Dvforklint.matrix.all=true to try it)");
    }

    private Path tree(String name) throws IOException {
        return Files.createDirectories(temp.resolve(name));
    }

    private static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Path fifo(Path file) throws Exception {
        shell("mkfifo '" + file + "'");
        return file;
    }

    private static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    private static void shell(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        assertEquals(0, p.waitFor(), command);
    }

    /** In this JVM, from the project directory. */
    private static Outcome run(String... args) {
        CliTest.Run r = CliTest.run(args);
        return checked(new Outcome(r.code(), r.out(), r.err()));
    }

    /** In a JVM of its own started in {@code dir}, as a user in that directory would run it. */
    private static Outcome runIn(Path dir, String... args) throws Exception {
        return runProcess(dir, List.of(), List.of(), null, args);
    }

    /**
     * As a user whom file permissions bind. Root reads anything through its capabilities, so as
     * root the JVM runs under setpriv without the two that bypass permissions.
     */
    private static Outcome runUnprivileged(Path dir, String... args) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                    "as root, files are unreadable only under setpriv (util-linux), which is missing");
        }
        return runProcess(dir, root ? List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search")
                : List.of(), List.of(), null, args);
    }

    /**
     * The command line in a new JVM: for a working directory of its own, a launcher such as
     * setpriv, a small heap, or a shell limit ({@code ulimit -f}) set before it starts.
     */
    private static Outcome runProcess(Path dir, List<String> launcher, List<String> jvmOptions, String shellLimit,
                                      String... args) throws Exception {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        if (shellLimit != null) {
            List<String> wrapped = new ArrayList<>(List.of("sh", "-c", shellLimit + " && exec \"$@\"", "sh"));
            wrapped.addAll(command);
            command = wrapped;
        }
        Path out = Files.createTempFile("matrix", ".out");
        Path err = Files.createTempFile("matrix", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = p.waitFor();
            return checked(new Outcome(code, Files.readString(out), Files.readString(err)));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What holds for every input: never exit 4, never a stack trace. */
    private static Outcome checked(Outcome o) {
        assertNotEquals(4, o.code(), "exit 4 is for bugs in vforklint: " + o.err());
        assertFalse(o.err().contains("\tat ") || o.err().contains("Exception in thread"), "a stack trace: " + o.err());
        return o;
    }

    private static void record(String name, Outcome o) {
        String message = o.err().lines().filter(l -> l.startsWith("vforklint")).reduce((a, b) -> b).orElse("");
        synchronized (MATRIX) {
            MATRIX.put(name, o.code() + " | " + message.replace("|", "\\|"));
        }
    }

    @AfterAll
    static void writeMatrix() throws IOException {
        StringBuilder md = new StringBuilder("| case | exit | last message on standard error |\n| --- | --- | --- |\n");
        MATRIX.forEach((name, row) -> md.append("| ").append(name.replace("|", "\\|")).append(" | ").append(row)
                .append(" |\n"));
        Path target = ROOT.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("bad-input-matrix.md"), md);
    }
}
