package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;
import io.github.vforklint.analysis.jvm.ForkedChildCode;
import io.github.vforklint.analysis.jvm.InternalLaunchAccess;
import io.github.vforklint.analysis.jvm.NativeForkBinding;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VFK304 (the JDK's private launcher reached from Java), VFK310/VFK311 (fork or vfork bound from
 * Java) and VFK312 (Java code in the child of such a fork).
 */
final class NativeForkChecks implements JvmCheck {

    @Override
    public Set<String> ruleIds() {
        return Set.of(RuleIds.JDK_INTERNAL_LAUNCH, RuleIds.NATIVE_FORK_IN_JVM, RuleIds.NATIVE_VFORK_IN_JVM,
                RuleIds.JAVA_IN_FORKED_CHILD);
    }

    @Override
    public void check(AnalysisResult result, JvmFindingSink sink) {
        for (InternalLaunchAccess a : result.all(InternalLaunchAccess.class)) {
            sink.report(RuleIds.JDK_INTERNAL_LAUNCH, null, a.location(),
                    Map.of("target", a.target(), "through", a.through()), null);
        }
        for (NativeForkBinding b : result.all(NativeForkBinding.class)) {
            sink.report(b.sharesMemory() ? RuleIds.NATIVE_VFORK_IN_JVM : RuleIds.NATIVE_FORK_IN_JVM, null, b.location(),
                    Map.of("symbol", b.symbol(), "through", b.through(), "name", b.name()), null);
        }
        for (ForkedChildCode c : result.all(ForkedChildCode.class)) {
            // Only a vfork child shares the parent's memory: only then is the call the "vfork" a finding points back to.
            sink.report(RuleIds.JAVA_IN_FORKED_CHILD, c.kind().name().toLowerCase(Locale.ROOT), c.location(),
                    Map.of("code", c.code(), "symbol", c.symbol(), "site", "line " + c.forkCall().line()),
                    c.symbol().contains("vfork") ? c.forkCall() : null);
        }
    }
}
