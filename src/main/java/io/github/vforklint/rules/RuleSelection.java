package io.github.vforklint.rules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules are on: those of the profile, or exactly the {@code --select}ed ones (which may
 * include rules outside the profile), minus the {@code --ignore}d ones.
 */
public final class RuleSelection {

    private final Profile profile;
    private final Set<String> selected;
    private final Set<String> ignored;

    private RuleSelection(Profile profile, Set<String> selected, Set<String> ignored) {
        this.profile = profile;
        this.selected = selected;
        this.ignored = ignored;
    }

    /** @throws IllegalArgumentException naming any id or name the catalogue does not know */
    public static RuleSelection of(RuleCatalogue catalogue, Profile profile, List<String> select, List<String> ignore) {
        return new RuleSelection(profile, resolve(catalogue, select), resolve(catalogue, ignore));
    }

    private static Set<String> resolve(RuleCatalogue catalogue, List<String> names) {
        Set<String> ids = new TreeSet<>();
        for (String name : names) {
            for (String part : name.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                ids.add(catalogue.find(part).orElseThrow(() -> new IllegalArgumentException(
                        "unknown rule '" + part.trim() + "' (see `vforklint rules`)")).id());
            }
        }
        return ids;
    }

    public Profile profile() {
        return profile;
    }

    /** A variant of a rule may be limited to some profiles (the {@code strict} notes). */
    public boolean enabled(RuleDefinition rule, RuleDefinition.Variant variant) {
        if (!enabled(rule)) {
            return false;
        }
        return variant.profiles().isEmpty() || variant.profiles().contains(profile);
    }

    public boolean enabled(RuleDefinition rule) {
        if (ignored.contains(rule.id())) {
            return false;
        }
        return selected.isEmpty() ? rule.profiles().contains(profile) : selected.contains(rule.id());
    }

    /** The level and message a report is worded with. */
    record Wording(io.github.vforklint.finding.Severity severity, String template) {
    }

    /**
     * How {@code rule} reports: in its own words, or (with {@code variant}) in those of one of its
     * variants; empty when this selection turns that wording off (the rule, or a variant limited
     * to other profiles).
     *
     * @throws IllegalStateException for a variant the rule's document does not have
     */
    java.util.Optional<Wording> wording(RuleDefinition rule, String variant) {
        if (variant == null) {
            return enabled(rule) ? java.util.Optional.of(new Wording(rule.severity(), rule.message())) : java.util.Optional.empty();
        }
        RuleDefinition.Variant v = rule.variants().get(variant);
        if (v == null) {
            throw new IllegalStateException(rule.id() + " has no variant '" + variant + "' in its document");
        }
        return enabled(rule, v) ? java.util.Optional.of(new Wording(v.severity(), v.message())) : java.util.Optional.empty();
    }
}
