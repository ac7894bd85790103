package io.github.vforklint.frontend.c;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A preprocessor configuration other than the one the options describe: macros pinned to a value
 * or pinned undefined, whatever the file and its headers say about them. Findings made under one
 * carry its {@link #label()} ("BB_MMU is 0").
 *
 * @param pins macro name to its pinned value ({@link #UNDEFINED} when pinned undefined)
 * @param definedOnly the pinned macros the conditions only ask whether they are defined
 */
record Configuration(SortedMap<String, String> pins, java.util.Set<String> definedOnly) {

    /** The value of a macro pinned undefined. */
    static final String UNDEFINED = "\u0000undefined";

    /** A pin {@code name(...)} defines a function-like macro: a function taken to be a vfork wrapper. */
    static final String ASSUMED = "(...)";

    /** The configuration where calls of {@code function}, whose definition is nowhere, are vfork calls. */
    static Configuration assumedWrapper(String function) {
        return new Configuration(new TreeMap<>(Map.of(function + ASSUMED, "vfork()")), java.util.Set.of());
    }

    Configuration {
        pins = Collections.unmodifiableSortedMap(new TreeMap<>(pins));
        definedOnly = java.util.Set.copyOf(definedOnly);
    }

    /** The function a pin takes to be a vfork wrapper ({@code xvfork(...)}), or null for a plain macro. */
    static String assumedFunction(String pin) {
        return pin.endsWith(ASSUMED) ? pin.substring(0, pin.length() - ASSUMED.length()) : null;
    }

    /** "BB_MMU is 0 and NOMMU is defined". */
    String label() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            String name = pin.getKey();
            String value = pin.getValue();
            String function = assumedFunction(name);
            if (function != null) {
                parts.add(function + " is vfork, guessed from its name: no scanned file defines it");
            } else if (value.equals(UNDEFINED)) {
                parts.add(name + " is undefined");
            } else if (definedOnly.contains(name)) {
                parts.add(name + " is defined");
            } else {
                parts.add(name + " is " + (value.isBlank() ? "defined empty" : value.trim()));
            }
        }
        return String.join(" and ", parts);
    }

    /** The macros this configuration defines (for the parser's command line). */
    Map<String, String> defines() {
        Map<String, String> result = new TreeMap<>();
        pins.forEach((k, v) -> {
            if (!v.equals(UNDEFINED)) {
                result.put(k, v);
            }
        });
        return result;
    }

    /** The macros it pins undefined. */
    java.util.Set<String> undefines() {
        java.util.Set<String> result = new java.util.TreeSet<>();
        pins.forEach((k, v) -> {
            if (v.equals(UNDEFINED)) {
                result.add(k);
            }
        });
        return result;
    }

    /** This configuration and {@code other} together, or null when they pin a macro differently. */
    Configuration with(Configuration other) {
        TreeMap<String, String> merged = new TreeMap<>(pins);
        for (Map.Entry<String, String> pin : other.pins.entrySet()) {
            String mine = merged.putIfAbsent(pin.getKey(), pin.getValue());
            if (mine != null && !mine.equals(pin.getValue())) {
                return null;
            }
        }
        java.util.Set<String> defined = new java.util.TreeSet<>(definedOnly);
        defined.addAll(other.definedOnly);
        return new Configuration(merged, defined);
    }

    /** The macros as this configuration sees them, over {@code defaults}. */
    Condition.Macros over(Condition.Macros defaults) {
        return name -> {
            String pinned = pins.get(name);
            if (pinned == null) {
                return defaults.valueOf(name);
            }
            return pinned.equals(UNDEFINED) ? null : pinned;
        };
    }

    // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration other
                && Objects.equals(pins, other.pins)
                && Objects.equals(definedOnly, other.definedOnly);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(pins) + Objects.hashCode(definedOnly);
    }
}
