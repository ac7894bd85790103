package io.github.vforklint.scan;

import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixtures whose code vforklint must parse, not only analyse what the parser recovered: a finding
 * can survive a function that did not parse (the site's own statements are read again), so the
 * findings FixtureTest compares do not tell.
 */
class ParsedFixturesTest {

    private static ScanResult scan(String fixture) throws Exception {
        Path file = FixtureTest.FIXTURES.resolve(fixture);
        return new Scanner(ScanOptions.defaults(FixtureTest.ROOT), FunctionKnowledge.load(), RuleCatalogue.load())
                .scan(List.of(file));
    }

    @Test
    void aFunctionWhoseHeadIsAKnownMacroBeginningWithAnUnknownAttributeParses() throws Exception {
        ScanResult result = scan("unknown_macros.c");
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().contains("Fspawn_through_a_known_macro")),
                result.diagnostics().toString());
    }

    @Test
    void staticAssertionsParse() throws Exception {
        ScanResult result = scan("c11.c");
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().contains("could not parse")),
                result.diagnostics().toString());
    }
}
