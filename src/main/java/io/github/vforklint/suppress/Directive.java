package io.github.vforklint.suppress;

import io.github.vforklint.finding.Location;

import java.util.List;
import java.util.Set;

/**
 * One suppression comment as written.
 *
 * @param text    the directive as people read it in messages ({@code vforklint-disable-next-line VFK101})
 * @param targets what it names, each with the rule ids it covers
 * @param reason  the text after {@code --} (or after a NOLINT's parenthesis), or null
 * @param where   the whole comment (for {@link Form#ELEMENT}, the annotation)
 * @param scopeEnd for {@link Form#ELEMENT}, the last line of the annotated declaration; 0 otherwise
 */
record Directive(Form form, String text, List<Target> targets, String reason, Location where, int scopeEnd) {

    Directive(Form form, String text, List<Target> targets, String reason, Location where) {
        this(form, text, targets, reason, where, 0);
    }

    /** Which lines a directive covers. */
    enum Form {
        /** The line after the comment ends. */
        NEXT_LINE,
        /** The line the comment starts on. */
        LINE,
        /** From here to the matching {@link #BLOCK_END}. */
        BLOCK_START,
        BLOCK_END,
        /** The whole file. */
        FILE,
        /** A Java declaration annotated {@code @SuppressWarnings("vforklint:...")}: from the annotation to {@code scopeEnd}. */
        ELEMENT
    }

    /**
     * One name in the directive's list: a rule id or name (one rule, or none when unknown), or a
     * NOLINT glob such as {@code vforklint-*} (any number).
     */
    record Target(String written, Set<String> ruleIds, boolean glob) {
    }

    boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    int line() {
        return where.line();
    }

    int lastLine() {
        return where.endLine();
    }
}
