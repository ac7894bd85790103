package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;

import java.util.Set;

/** Turns observations of one kind into findings of the rules it owns. */
interface Check {

    Set<String> ruleIds();

    void check(VforkObservation observation, FindingSink sink);
}
