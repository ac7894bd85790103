package io.github.vforklint.scan;

import io.github.vforklint.finding.Finding;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A header's functions are read through the macros its missing configuration header defines. */
class HeaderMacrosTest {

    @Test
    void theChildIsFollowedIntoAHelperOfAnUnconfiguredHeader() throws Exception {
        ScanOptions options = ScanOptions.defaults(FixtureTest.ROOT)
                .withIncludeDirs(List.of(FixtureTest.FIXTURES.resolve("include")));
        ScanResult result = new Scanner(options, FunctionKnowledge.load(), RuleCatalogue.load())
                .scan(List.of(FixtureTest.FIXTURES.resolve("header_macros.c")));
        List<String> found = result.findings().stream()
                .map(f -> f.location().path() + ":" + f.location().line() + " " + f.ruleId()).toList();
        assertEquals(List.of("testdata/c/include/unconfigured.h:14 VFK104"), found, result.diagnostics().toString());
    }
}
