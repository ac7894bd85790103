package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.ForkedChildCode;

import java.util.Locale;
import java.util.Map;

/** VFK312: Java code (I/O, System.exit, allocation) in the child of a fork or vfork bound from Java. */
@CheckedRule(RuleIds.JAVA_IN_FORKED_CHILD)
final class JavaInForkedChildCheck extends JvmCheck {

    @Override
    void check(AnalysisResult result, JvmFindingSink sink) {
        for (ForkedChildCode c : result.all(ForkedChildCode.class)) {
            // Only a vfork child shares the parent's memory: only then is the call the "vfork" a finding points back to.
            sink.report(ruleId(), c.kind().name().toLowerCase(Locale.ROOT), c.location(),
                    Map.of("code", c.code(), "symbol", c.symbol(), "site", "line " + c.forkCall().line()),
                    c.symbol().contains("vfork") ? c.forkCall() : null);
        }
    }
}
