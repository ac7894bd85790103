package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.InternalLaunchAccess;

import java.util.Map;

/** VFK304: the JDK's private launcher reached from Java (reflection, JNA or JNR into forkAndExec). */
@CheckedRule(RuleIds.JDK_INTERNAL_LAUNCH)
final class JdkInternalLaunchCheck extends JvmCheck {

    @Override
    void check(AnalysisResult result, JvmFindingSink sink) {
        for (InternalLaunchAccess a : result.all(InternalLaunchAccess.class)) {
            sink.report(ruleId(), null, a.location(), Map.of("target", a.target(), "through", a.through()), null);
        }
    }
}
