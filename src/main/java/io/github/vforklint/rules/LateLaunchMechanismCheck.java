package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;

/** VFK303: the property set when the JDK may have read it already, or never passed on to a JVM. */
@CheckedRule(RuleIds.LATE_LAUNCH_MECHANISM)
final class LateLaunchMechanismCheck extends JvmCheck {

    @Override
    void check(AnalysisResult result, JvmFindingSink sink) {
        for (LaunchMechanismSetting s : result.all(LaunchMechanismSetting.class)) {
            if (s.effect() == LaunchMechanismSetting.Effect.LOST) {
                sink.report(ruleId(), "lost", s.location(), LaunchMechanismWording.values(s), null);
            } else if (s.effect() == LaunchMechanismSetting.Effect.LATE) {
                sink.report(ruleId(), null, s.location(), LaunchMechanismWording.values(s), null);
            }
        }
    }
}
