package io.github.vforklint.rules;

import io.github.vforklint.analysis.AnalysisResult;

import java.util.Set;

/** Judges the JVM front end's observations (analysis.jvm), which stand alone: no vfork site, no call chain. */
interface JvmCheck {

    Set<String> ruleIds();

    void check(AnalysisResult result, JvmFindingSink sink);
}
