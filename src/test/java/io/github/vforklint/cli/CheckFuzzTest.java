package io.github.vforklint.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vforklint.analysis.AnalysisLimits;
import io.github.vforklint.api.Check;
import io.github.vforklint.api.CheckException;
import io.github.vforklint.api.CheckRequest;
import io.github.vforklint.api.CheckResult;
import io.github.vforklint.config.CheckConfig;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.rules.RuleCatalogue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path from bytes to findings, as {@code vforklint check} takes it: the bytes become a C
 * file, the library front door scans it (parse, analysis, rules, suppressions) and every report
 * format is written. Any exception is a bug: a file's content can make a finding or a diagnostic,
 * never a failed check. Regression mode (every build) replays the committed corpus in
 * {@code CheckFuzzTestInputs/bytesToFindings}; {@code JAZZER_FUZZ=1} fuzzes (see .ci/run).
 */
class CheckFuzzTest {

    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

    @FuzzTest(maxDuration = "24s")
    void bytesToFindings(byte[] c) throws IOException, CheckException {
        Path dir = Files.createTempDirectory("vforklint-fuzz");
        try {
            Files.write(dir.resolve("fuzz.c"), c);
            CheckConfig options = new CheckConfig(null, null, null, Map.of(), null, null, null, Map.of(), null, null,
                    null, 1, null, null, null, List.of(dir));
            CheckResult result = Check.prepare(new CheckRequest(dir, options, null, false, null,
                    AnalysisLimits.defaults(), null), CATALOGUE).run();
            for (ReportFormat format : ReportFormat.values()) {
                StringWriter out = new StringWriter();
                result.writeReport(format, result.reportSettings(false, true), out);
                assertTrue(format == ReportFormat.TEXT || format == ReportFormat.GITHUB || !out.toString().isEmpty(),
                        format + " writes a document even for no findings");
            }
            assertTrue(result.result().filesScanned() <= 1, "one file was given");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
