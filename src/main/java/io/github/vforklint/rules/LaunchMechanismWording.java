package io.github.vforklint.rules;

import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;

import java.util.HashMap;
import java.util.Map;

/** What the launch-mechanism rules fill their messages with. */
final class LaunchMechanismWording {

    private LaunchMechanismWording() {
    }

    static Map<String, String> values(LaunchMechanismSetting s) {
        Map<String, String> values = new HashMap<>();
        values.put("value", s.value());
        values.put("via", s.via());
        values.put("why", s.why() == null ? "" : s.why());
        values.put("jdk", s.jdk() == null ? "" : s.jdk().describe());
        return values;
    }
}
