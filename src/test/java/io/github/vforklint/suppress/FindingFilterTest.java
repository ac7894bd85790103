package io.github.vforklint.suppress;

import io.github.vforklint.baseline.ProjectPaths;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.scan.ScanOptions;
import io.github.vforklint.scan.ScanResult;
import io.github.vforklint.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingFilterTest {

    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();
    private static final FunctionKnowledge KNOWLEDGE = FunctionKnowledge.load();
    private static final String CHILD = """
            #include <stdio.h>
            #include <unistd.h>
            int g;
            void spawn(const char *path, char *const argv[])
            {
                if (vfork() == 0) {
                    %s
                    execv(path, argv);
                    _exit(127);
                }
            }
            """;

    @TempDir
    Path temp;

    private FilteredResult filter(String childCode, ScanOptions options, FindingFilter.Settings settings) throws Exception {
        Path file = temp.resolve("spawn.c");
        Files.writeString(file, CHILD.formatted(childCode));
        ScanResult scan = new Scanner(options, KNOWLEDGE, CATALOGUE).scan(List.of(file));
        return new FindingFilter(CATALOGUE, options, settings).apply(scan);
    }

    private FindingFilter.Settings settings(boolean requireReason, Map<String, Severity> severities) {
        return new FindingFilter.Settings(new ProjectPaths(temp, temp), requireReason,
                severities, null, null, false);
    }

    private static List<String> rules(FilteredResult r) {
        return r.result().findings().stream().map(f -> f.ruleId() + ":" + f.location().line() + ":" + f.severity().label())
                .toList();
    }

    @Test
    void aSuppressionKeepsItsReasonAndLocation() throws Exception {
        FilteredResult r = filter("puts(\"x\"); /* vforklint-disable-line VFK101 -- unbuffered here */",
                ScanOptions.defaults(temp), settings(false, Map.of()));
        assertEquals(List.of(), rules(r));
        SuppressedFinding s = r.suppressed().get(0);
        assertEquals("VFK101", s.finding().ruleId());
        assertEquals(Suppression.Kind.IN_SOURCE, s.suppression().kind());
        assertEquals("unbuffered here", s.suppression().justification());
        assertEquals(7, s.suppression().where().line());
    }

    @Test
    void requireReasonTurnsAReasonlessSuppressionIntoAnError() throws Exception {
        String code = "puts(\"x\"); // vforklint-disable-line VFK101";
        assertEquals(List.of(), rules(filter(code, ScanOptions.defaults(temp), settings(false, Map.of()))));
        FilteredResult strict = filter(code, ScanOptions.defaults(temp),
                settings(true, Map.of("VFK001", Severity.NOTE)));
        assertEquals(List.of("VFK001:7:error"), rules(strict), "the finding stays suppressed; the missing reason is an error");
        assertTrue(strict.result().findings().get(0).message().contains("gives no reason"));
    }

    @Test
    void aSuppressionOfARuleThatDidNotRunIsNotCalledUnused() throws Exception {
        String code = "puts(\"x\"); // vforklint-disable-line VFK104 -- nothing is written here";
        ScanOptions all = ScanOptions.defaults(temp);
        assertEquals(List.of("VFK101:7:error", "VFK001:7:note"), rules(filter(code, all, settings(false, Map.of()))));
        ScanOptions withoutWrites = new ScanOptions(temp, all.profile(), List.of(), List.of("VFK104"), List.of(),
                Map.of(), List.of(), io.github.vforklint.scan.PathFilter.all(), 1, false, "cc", null, all.limits());
        assertEquals(List.of("VFK101:7:error"), rules(filter(code, withoutWrites, settings(false, Map.of()))));
    }

    /** The filter reads again only files the scan read (and knows the words of) or did not read at all. */
    @Test
    void aResultKnowsWhichFilesItsScanRead() throws Exception {
        Path file = temp.resolve("spawn.c");
        Files.writeString(file, CHILD.formatted("puts(\"x\");"));
        ScanResult scan = new Scanner(ScanOptions.defaults(temp), KNOWLEDGE, CATALOGUE).scan(List.of(temp));
        assertTrue(scan.scanned(file.toAbsolutePath().normalize()));
        assertFalse(scan.scanned(temp.resolve("elsewhere.c").toAbsolutePath().normalize()));
        assertFalse(new ScanResult(scan.findings(), List.of(), 1, 1, 1).scanned(file),
                "a result not made by a scan knows no file");
    }

    @Test
    void unusedIsNotJudgedInAFileThatWasNotFullyAnalysed() throws Exception {
        Path file = temp.resolve("spawn.c");
        Files.writeString(file, CHILD.formatted("/* vforklint-disable-next-line VFK101 -- gone */"));
        ScanOptions options = ScanOptions.defaults(temp);
        ScanResult scan = new Scanner(options, KNOWLEDGE, CATALOGUE).scan(List.of(file));
        FindingFilter filter = new FindingFilter(CATALOGUE, options, settings(false, Map.of()));
        assertEquals(List.of("VFK001:7:note"), rules(filter.apply(scan)));
        ScanResult incomplete = new ScanResult(scan.findings(), List.of(new Diagnostic("spawn.c", 4,
                Diagnostic.Kind.INCOMPLETE, "could not parse this code")), 1, 1, 1);
        assertEquals(List.of(), rules(filter.apply(incomplete)), "its finding may just have been missed");
    }

    @Test
    void configuredSeveritiesApplyToEveryFindingOfTheRule() throws Exception {
        FilteredResult r = filter("puts(\"x\"); g = 1;", ScanOptions.defaults(temp),
                settings(false, Map.of("VFK101", Severity.WARNING)));
        assertEquals(List.of("VFK101:7:warning", "VFK104:7:error"), rules(r));
        Finding write = r.result().findings().get(1);
        assertEquals("VFK104", write.ruleId());
    }
}
