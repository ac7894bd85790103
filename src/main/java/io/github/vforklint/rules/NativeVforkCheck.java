package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.NativeForkBinding;

import java.util.Map;

/** VFK311: vfork (or clone with CLONE_VM) bound from Java: the JVM's other threads run on in the shared memory. */
@CheckedRule(RuleIds.NATIVE_VFORK_IN_JVM)
final class NativeVforkCheck extends JvmCheck {

    @Override
    void check(AnalysisResult result, JvmFindingSink sink) {
        for (NativeForkBinding b : result.all(NativeForkBinding.class)) {
            if (b.sharesMemory()) {
                sink.report(ruleId(), null, b.location(), Map.of("symbol", b.symbol(), "through", b.through(),
                        "name", b.name()), null);
            }
        }
    }
}
