package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.NativeForkBinding;

import java.util.Map;

/** VFK310: fork bound from Java (JNA, JNR, FFM): the child is a one-thread copy of the JVM. */
@CheckedRule(RuleIds.NATIVE_FORK_IN_JVM)
final class NativeForkCheck extends JvmCheck {

    @Override
    void check(AnalysisResult result, JvmFindingSink sink) {
        for (NativeForkBinding b : result.all(NativeForkBinding.class)) {
            if (!b.sharesMemory()) {
                sink.report(ruleId(), null, b.location(), Map.of("symbol", b.symbol(), "through", b.through(),
                        "name", b.name()), null);
            }
        }
    }
}
