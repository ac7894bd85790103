package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;

/**
 * VFK302: a launch mechanism the JDK rejects, so that every process start fails: a value it does
 * not know, VFORK where only macOS or AIX run, POSIX_SPAWN on a Linux JDK that predates it.
 */
@CheckedRule(RuleIds.INVALID_LAUNCH_MECHANISM)
final class InvalidLaunchMechanismCheck extends JvmCheck {

    /** Linux JDKs up to 10 know only VFORK and FORK (POSIX_SPAWN came with 12, and an 11 update backported it). */
    private static final int LAST_LINUX_WITHOUT_POSIX_SPAWN = 10;

    @Override
    void check(AnalysisResult result, JvmFindingSink sink) {
        for (LaunchMechanismSetting s : result.all(LaunchMechanismSetting.class)) {
            if (s.effect() == LaunchMechanismSetting.Effect.LOST) {
                continue;
            }
            if (!s.isKnownValue()) {
                sink.report(ruleId(), null, s.location(), LaunchMechanismWording.values(s), null);
            } else if (s.isVfork() && s.macOsOrAixOnly()) {
                sink.report(ruleId(), "macos-aix", s.location(), LaunchMechanismWording.values(s), null);
            } else if (s.value().equalsIgnoreCase("POSIX_SPAWN") && s.jdk() != null && s.jdk().linux()
                    && !s.jdk().atLeast() && s.jdk().feature() <= LAST_LINUX_WITHOUT_POSIX_SPAWN) {
                sink.report(ruleId(), "old-linux-jdk", s.location(), LaunchMechanismWording.values(s), null);
            }
        }
    }
}
