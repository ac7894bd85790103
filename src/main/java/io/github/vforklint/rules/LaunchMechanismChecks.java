package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;
import io.github.vforklint.analysis.jvm.TargetJdk;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * VFK301 (VFORK selected), VFK302 (a value the JDK rejects: a typo, or VFORK where only macOS or
 * AIX run) and VFK303 (set when the JDK may have read the property already, or never passed on).
 */
final class LaunchMechanismChecks implements JvmCheck {

    /** The last JDK whose VFORK is plain vfork without a warning; 25 and 26 warn; later ones run FORK. */
    private static final int LAST_SILENT_VFORK = 24;
    private static final int LAST_DEPRECATED_VFORK = 26;
    /** Linux JDKs up to 10 know only VFORK and FORK (POSIX_SPAWN came with 12, and an 11 update backported it). */
    private static final int LAST_LINUX_WITHOUT_POSIX_SPAWN = 10;

    @Override
    public Set<String> ruleIds() {
        return Set.of(RuleIds.LAUNCH_MECHANISM_VFORK, RuleIds.INVALID_LAUNCH_MECHANISM, RuleIds.LATE_LAUNCH_MECHANISM);
    }

    @Override
    public void check(AnalysisResult result, JvmFindingSink sink) {
        for (LaunchMechanismSetting s : result.all(LaunchMechanismSetting.class)) {
            Map<String, String> values = new HashMap<>();
            values.put("value", s.value());
            values.put("via", s.via());
            values.put("why", s.why() == null ? "" : s.why());
            if (s.effect() == LaunchMechanismSetting.Effect.LOST) {
                sink.report(RuleIds.LATE_LAUNCH_MECHANISM, "lost", s.location(), values, null);
                continue;
            }
            if (!s.isKnownValue()) {
                sink.report(RuleIds.INVALID_LAUNCH_MECHANISM, null, s.location(), values, null);
            } else if (s.isVfork() && s.macOsOrAixOnly()) {
                sink.report(RuleIds.INVALID_LAUNCH_MECHANISM, "macos-aix", s.location(), values, null);
            } else if (s.value().equalsIgnoreCase("POSIX_SPAWN") && s.jdk() != null && s.jdk().linux()
                    && !s.jdk().atLeast() && s.jdk().feature() <= LAST_LINUX_WITHOUT_POSIX_SPAWN) {
                values.put("jdk", s.jdk().describe());
                sink.report(RuleIds.INVALID_LAUNCH_MECHANISM, "old-linux-jdk", s.location(), values, null);
            } else if (s.isVfork()) {
                TargetJdk jdk = s.jdk();
                values.put("jdk", jdk == null ? "" : jdk.describe());
                String variant = jdk == null ? null
                        : jdk.feature() <= LAST_SILENT_VFORK ? "up-to-24"
                        : jdk.feature() <= LAST_DEPRECATED_VFORK ? "jdk-25-26" : "jdk-27-on";
                sink.report(RuleIds.LAUNCH_MECHANISM_VFORK, variant, s.location(), values, null);
            }
            if (s.effect() == LaunchMechanismSetting.Effect.LATE) {
                sink.report(RuleIds.LATE_LAUNCH_MECHANISM, null, s.location(), values, null);
            }
        }
    }
}
