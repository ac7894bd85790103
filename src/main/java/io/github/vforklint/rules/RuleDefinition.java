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
                             List<Reference> references, String description) {

    /**
     * An example of the document and the file it stands for: {@code ```c}, or a language and a
     * file name ({@code ```xml pom.xml}). Read from the description when asked (the catalogue's
     * own tests run them); a scan never needs them.
     */
    public record Example(String code, String file) {
    }

    /** The document's example under {@code ## Bad}. */
    public Example bad() {
        return exampleUnder("Bad");
    }

    /** The document's example under {@code ## Good}. */
    public Example good() {
        return exampleUnder("Good");
    }

    /** A fenced block's opening line: a language, then perhaps a file name. */
    private static final java.util.regex.Pattern FENCE_OPENING = java.util.regex.Pattern.compile(
            "```(\\w+)(?:[ \t]+(\\S+))?[ \t]*");

    /** The first fenced block with a language after the line {@code ## heading}; empty when there is none. */
    private Example exampleUnder(String heading) {
        String[] lines = description.split("\n", -1);
        int at = 0;
        while (at < lines.length && !lines[at].strip().equals("## " + heading)) {
            at++;
        }
        java.util.regex.Matcher opening = null;
        for (at++; at < lines.length; at++) {
            java.util.regex.Matcher m = FENCE_OPENING.matcher(lines[at].stripTrailing());
            if (m.matches()) {
                opening = m;
                break;
            }
        }
        int close = at + 1;
        while (close < lines.length && !lines[close].strip().equals("```")) {
            close++;
        }
        if (opening == null || close >= lines.length) {
            return new Example("", "example.c");
        }
        String language = opening.group(1);
        String file = opening.group(2) != null ? opening.group(2) : language.equals("c") ? "example.c" : "example." + language;
        StringBuilder code = new StringBuilder();
        for (int i = at + 1; i < close; i++) {
            code.append(lines[i]).append('\n');
        }
        return new Example(code.toString(), file);
    }

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
