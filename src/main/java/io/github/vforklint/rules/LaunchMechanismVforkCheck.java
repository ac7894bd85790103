package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;
import io.github.vforklint.analysis.jvm.TargetJdk;

/** VFK301: the JDK's VFORK launch mechanism selected, worded for the JDK the build targets when known. */
@CheckedRule(RuleIds.LAUNCH_MECHANISM_VFORK)
final class LaunchMechanismVforkCheck extends JvmCheck {

    /** The last JDK whose VFORK is plain vfork without a warning; 25 and 26 warn; later ones run FORK. */
    private static final int LAST_SILENT_VFORK = 24;
    private static final int LAST_DEPRECATED_VFORK = 26;

    @Override
    void check(AnalysisResult result, JvmFindingSink sink) {
        for (LaunchMechanismSetting s : result.all(LaunchMechanismSetting.class)) {
            if (s.effect() == LaunchMechanismSetting.Effect.LOST || !s.isKnownValue() || !s.isVfork()
                    || s.macOsOrAixOnly()) {
                continue;
            }
            TargetJdk jdk = s.jdk();
            String variant = jdk == null ? null
                    : jdk.feature() <= LAST_SILENT_VFORK ? "up-to-24"
                    : jdk.feature() <= LAST_DEPRECATED_VFORK ? "jdk-25-26" : "jdk-27-on";
            sink.report(ruleId(), variant, s.location(), LaunchMechanismWording.values(s), null);
        }
    }
}
