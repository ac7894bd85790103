package io.github.vforklint.report;

import java.util.List;

/**
 * A code scanning category, as a SARIF run carries it in {@code runAutomationDetails.id}. GitHub
 * reads that id as {@code category/run-id} and keeps alerts per category, so the id is the
 * category followed by a slash (no run id), which is also what {@code upload-sarif} writes for
 * its {@code category} input into a run that has no id. Distinct categories let several
 * vforklint reports of one repository (one per job, language or task) be uploaded without
 * replacing each other's alerts.
 *
 * @param name the category, without the trailing slash
 */
public record SarifCategory(String name) {

    /** vforklint's own category, when nothing else is asked for. */
    public static final SarifCategory DEFAULT = new SarifCategory("vforklint");

    public SarifCategory {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a category must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("a category holds no spaces or control characters: '" + name + "'");
            }
        }
        if (name.endsWith("/")) {
            throw new IllegalArgumentException("a category does not end in '/': '" + name + "'");
        }
    }

    /**
     * A category as people write it: with or without the slash that ends it (GitHub's
     * {@code upload-sarif} takes both), as in {@code vforklint/jni} or {@code /language:c}.
     *
     * @throws IllegalArgumentException for an empty category or one with spaces or control characters
     */
    public static SarifCategory parse(String text) {
        String trimmed = text == null ? "" : text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("expected a category such as vforklint/jni, not '" + text + "'");
        }
        return new SarifCategory(trimmed);
    }

    /**
     * This category with {@code parts} below it, a level each (a module's folders, a project's
     * path): the category of one part of a build, so that each part's report can be uploaded
     * without replacing another's alerts.
     */
    public SarifCategory below(List<String> parts) {
        return new SarifCategory(join(name, parts));
    }

    /**
     * {@code prefix} (without a slash that ends it) and then each non-empty part, a level each;
     * spaces and control characters in a part, which a category cannot hold, become {@code _}.
     */
    private static String join(String prefix, List<String> parts) {
        StringBuilder category = new StringBuilder(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        for (String part : parts) {
            if (!part.isEmpty()) {
                category.append('/').append(part.replaceAll("[\\s\\p{Cntrl}]", "_"));
            }
        }
        return category.toString();
    }

    /** The run's {@code runAutomationDetails.id}: the category and the slash that ends it. */
    public String automationId() {
        return name + "/";
    }
}
