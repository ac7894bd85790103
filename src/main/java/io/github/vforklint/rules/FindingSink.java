package io.github.vforklint.rules;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.ir.Location;

import java.util.Map;

/** Where checks report; the engine words, filters and de-duplicates. */
interface FindingSink {

    void report(String ruleId, Location at, Map<String, String> values, Observation cause);
}
