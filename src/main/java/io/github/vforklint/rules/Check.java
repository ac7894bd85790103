package io.github.vforklint.rules;

import io.github.vforklint.analysis.Observation;

import java.util.Set;

/** Turns observations of one kind into findings of the rules it owns. */
interface Check {

    Set<String> ruleIds();

    void check(Observation observation, FindingSink sink);
}
