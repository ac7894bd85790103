package io.github.vforklint.rules;

import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.finding.Location;

import java.util.Map;

/** Where checks report; the engine words, filters and de-duplicates. */
interface FindingSink {

    void report(String ruleId, Location at, Map<String, String> values, VforkObservation cause);

    /** Reports with one of the rule's {@code variants} wording and level. */
    void report(String ruleId, String variant, Location at, Map<String, String> values, VforkObservation cause);
}
