package io.github.vforklint.frontend.java;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;
import io.github.vforklint.analysis.jvm.TargetJdk;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.finding.Location;

import java.util.ArrayList;
import java.util.List;

/** What the readers of one scan observed, and what they could not judge or read. */
final class Observed {

    final List<Observation> observations = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();

    void setting(Location at, String value, String via, TargetJdk jdk, boolean macOsOrAixOnly) {
        observations.add(new LaunchMechanismSetting(at, value, via, jdk, macOsOrAixOnly,
                LaunchMechanismSetting.Effect.AT_START, null));
    }

    void setting(LaunchMechanismSetting setting) {
        observations.add(setting);
    }

    void observation(Observation o) {
        observations.add(o);
    }

    /** A setting whose value is computed: said, not judged. */
    void unjudged(Location at, String how) {
        diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INFO,
                LaunchOption.PROPERTY + " is set from " + how + ", which is not a constant; its value was not judged"));
    }

    /** A file that could not be read in full: its settings may be missed. */
    void unreadable(JvmFile file, String why) {
        diagnostics.add(new Diagnostic(file.shown(), 0, Diagnostic.Kind.INCOMPLETE, "not fully read: " + why));
    }

    /** A note about the analysis of one place. */
    void note(Location at, String message) {
        diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INFO, message));
    }
}
