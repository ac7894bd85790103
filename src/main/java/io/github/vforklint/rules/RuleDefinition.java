package io.github.vforklint.rules;

import io.github.vforklint.finding.Severity;

import java.util.List;
import java.util.Set;

/**
 * One rule as its catalogue document defines it.
 *
 * @param description the Markdown body of the document (explanation, examples, fixes)
 * @param badExample  the code of the document's "Bad" section
 * @param goodExample the code of the document's "Good" section
 * @param badExampleFile  the file the Bad example is meant to be (from its code fence: {@code ```xml pom.xml});
 *                        {@code example.c} for C
 * @param goodExampleFile the same for the Good example
 */
public record RuleDefinition(String id, String name, Severity severity, Set<Profile> profiles, String summary,
                             String message, java.util.Map<String, Variant> variants, List<String> tags,
                             List<Reference> references, String description, String badExample, String goodExample,
                             String badExampleFile, String goodExampleFile) {

    /**
     * Another wording of the rule for a particular case, with its own level, and the profiles it
     * is reported in (empty: the rule's own).
     */
    public record Variant(Severity severity, String message, Set<Profile> profiles) {

        public Variant(Severity severity, String message) {
            this(severity, message, Set.of());
        }

        public Variant {
            profiles = Set.copyOf(profiles);
        }
    }

    /** "VFK101 unsafe-call", as shown after each finding. */
    public String label() {
        return id + " " + name;
    }
}
