package io.github.vforklint.rules;

import io.github.vforklint.finding.Location;

import java.util.Map;

/** Where JVM checks report; the runner words, filters and de-duplicates. */
interface JvmFindingSink {

    /**
     * @param variant one of the rule's variants, or null for its main wording
     * @param related the place a finding's cause is (shown as the "vfork" location), or null
     */
    void report(String ruleId, String variant, Location at, Map<String, String> values, Location related);
}
