package io.github.vforklint.suppress;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.source.SourceText;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suppression parser on any text: every directive it finds lies inside the text, and turning
 * directives into line ranges and problems never throws.
 */
class SuppressionFuzzTest {

    private static final DirectiveParser PARSER = new DirectiveParser(RuleCatalogue.load());

    @FuzzTest(maxDuration = "12s")
    void suppressionParser(byte[] bytes) {
        SourceText text = new SourceText(new String(bytes, StandardCharsets.UTF_8).toCharArray());
        List<Directive> directives = PARSER.parse("fuzz.c", text);
        int lines = text.lineOf(text.chars().length);
        for (Directive d : directives) {
            assertTrue(d.line() >= 1 && d.line() <= d.lastLine() && d.lastLine() <= lines, d.toString());
        }
        FileSuppressions suppressions = new FileSuppressions(directives);
        suppressions.problems(rule -> true).forEach(p -> assertTrue(!p.reason().isEmpty(), p.toString()));
        suppressions.withoutReason();
    }
}
