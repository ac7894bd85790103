package io.github.vforklint.frontend.c;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the configuration closest to the default one (fewest macros changed) under which a set of
 * conditions hold as required: {@code #if !BB_MMU} needs BB_MMU to be 0; the third branch of
 * {@code #if A / #elif B / #else} needs A and B false. Macros are tried undefined, as 0 or 1,
 * and at the numbers they are compared with; at most {@link #MAX_CHANGED} macros change.
 */
final class ConfigurationSolver {

    /** A condition that must evaluate to {@code holds}. */
    record Requirement(Condition condition, boolean holds) {
    }

    /** More changes than this: the configuration is not worth guessing at. */
    static final int MAX_CHANGED = 4;

    /** Assignments tried per problem before giving up. */
    static final int MAX_TRIES = 20_000;

    /** What the search found; {@code gaveUp} when it stopped at {@link #MAX_TRIES} without an answer. */
    record Solution(Optional<Configuration> found, boolean gaveUp) {
    }

    private ConfigurationSolver() {
    }

    /** The nearest configuration, empty when none within the bounds makes every requirement hold. */
    static Solution solve(List<Requirement> requirements, Condition.Macros defaults, Predicate<String> pinnable) {
        Set<String> definedOnly = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        Set<Long> constants = new TreeSet<>();
        Set<String> valueNames = new TreeSet<>();
        for (Requirement r : requirements) {
            Set<String> onlyDefined = new TreeSet<>();
            Set<String> all = r.condition().macroNames(onlyDefined);
            names.addAll(all);
            for (String n : all) {
                if (!onlyDefined.contains(n)) {
                    valueNames.add(n);
                }
            }
            constants.addAll(r.condition().constants());
        }
        for (String n : names) {
            if (!valueNames.contains(n)) {
                definedOnly.add(n);
            }
        }
        List<String> variables = new ArrayList<>(names.stream().filter(pinnable).toList());
        List<List<String>> choices = new ArrayList<>();
        for (String v : variables) {
            choices.add(candidates(v, defaults.valueOf(v), definedOnly.contains(v), constants));
        }
        int[] tries = {0};
        for (int changed = 0; changed <= Math.min(MAX_CHANGED, variables.size()); changed++) {
            Optional<Configuration> found = search(requirements, defaults, variables, choices, definedOnly, changed,
                    0, new TreeMap<>(), tries);
            if (found.isPresent() || tries[0] > MAX_TRIES) {
                return new Solution(found, found.isEmpty());
            }
        }
        return new Solution(Optional.empty(), false);
    }

    private static Optional<Configuration> search(List<Requirement> requirements, Condition.Macros defaults,
                                                  List<String> variables, List<List<String>> choices,
                                                  Set<String> definedOnly, int left, int from,
                                                  TreeMap<String, String> pins, int[] tries) {
        if (left == 0) {
            if (++tries[0] > MAX_TRIES) {
                return Optional.empty();
            }
            Set<String> onlyDefined = new TreeSet<>(definedOnly);
            onlyDefined.retainAll(pins.keySet());
            Configuration c = new Configuration(pins, onlyDefined);
            Condition.Macros macros = c.over(defaults);
            for (Requirement r : requirements) {
                Boolean holds = r.condition().holds(macros);
                if (holds == null || holds != r.holds()) {
                    return Optional.empty();
                }
            }
            return Optional.of(c);
        }
        for (int i = from; i <= variables.size() - left; i++) {
            for (String value : choices.get(i)) {
                pins.put(variables.get(i), value);
                Optional<Configuration> found = search(requirements, defaults, variables, choices, definedOnly,
                        left - 1, i + 1, pins, tries);
                pins.remove(variables.get(i));
                if (found.isPresent() || tries[0] > MAX_TRIES) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Values worth trying for one macro, other than its default. */
    private static List<String> candidates(String name, String current, boolean definedOnly, Set<Long> constants) {
        Set<String> values = new LinkedHashSet<>();
        values.add("1");
        if (!definedOnly) {
            values.add("0");
        }
        values.add(Configuration.UNDEFINED);
        if (!definedOnly) {
            for (long c : constants) {
                values.add(Long.toString(c));
                values.add(Long.toString(c + 1));
                if (c > 0) {
                    values.add(Long.toString(c - 1));
                }
            }
        }
        String now = current == null ? Configuration.UNDEFINED : current.trim();
        values.remove(now);
        if (definedOnly && current != null) {
            values.remove("1");
        }
        return List.copyOf(values);
    }
}
