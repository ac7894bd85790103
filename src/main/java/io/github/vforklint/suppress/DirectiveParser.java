package io.github.vforklint.suppress;

import io.github.vforklint.finding.Location;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;
import io.github.vforklint.rules.RuleIds;
import io.github.vforklint.source.SourceText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds suppression comments (C-style, XML or # comments, by the file's kind; and Java's
 * {@code @SuppressWarnings("vforklint:VFK303")}): vforklint's own
 * ({@code vforklint-disable-next-line VFK101 -- reason}, {@code -line}, {@code -file},
 * {@code vforklint-disable} ... {@code vforklint-enable}), which must open the comment, and
 * clang-tidy's {@code NOLINT}, {@code NOLINTNEXTLINE}, {@code NOLINTBEGIN}/{@code NOLINTEND}
 * anywhere in a comment, but only when their check list names vforklint: a bare {@code NOLINT}
 * is meant for clang-tidy and must not silence vforklint behind its author's back.
 */
final class DirectiveParser {

    // Comments come from the scanned tree: these two patterns are linear (no quantified group can
    // match the same text two ways); the NOLINT syntax and check globs are scanned by hand.
    private static final Pattern OWN = Pattern.compile(
            "^[\\s*/!]*vforklint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\\w-])(.*)\\z",
            Pattern.DOTALL);
    private static final Pattern REASON_SEPARATOR = Pattern.compile("(?:^|\\s)-{2,}(?:\\s|$)");

    private final RuleCatalogue catalogue;

    DirectiveParser(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Words, as the scan's index splits text and in any case, of which a file holding a directive
     * has one: every directive aimed at vforklint names it, and a bare NOLINT is not one.
     */
    static final java.util.Set<String> WORDS = java.util.Set.of("vforklint");

    /** Cheap test before lexing a whole file. */
    static boolean mayHoldDirectives(char[] text) {
        String s = new String(text);
        return s.contains("vforklint-") || s.contains("NOLINT") || s.contains("vforklint:");
    }

    List<Directive> parse(String path, SourceText source) {
        List<Directive> directives = new ArrayList<>();
        char[] chars = source.chars();
        // Comments as the file's kind writes them: C-style, <!-- --> in XML, # in scripts and configuration.
        for (CommentSyntax.Comment comment : CommentSyntax.of(path, chars)) {
            String body = comment.body();
            Location where = new Location(path, source.lineOf(comment.start()), source.columnOf(comment.start()),
                    source.lineOf(comment.end()), source.columnOf(comment.end()), null);
            Directive d = own(body, where);
            if (d == null) {
                d = nolint(body, where);
            }
            if (d != null) {
                directives.add(d);
            }
        }
        if (path.endsWith(".java")) {
            directives.addAll(annotations(path, source));
        }
        directives.sort((a, b) -> a.where().line() != b.where().line() ? Integer.compare(a.where().line(), b.where().line())
                : Integer.compare(a.where().column(), b.where().column()));
        return directives;
    }

    /** {@code @SuppressWarnings("vforklint:VFK303")}, or with a reason: {@code "vforklint:VFK303 -- why"}. */
    private List<Directive> annotations(String path, SourceText source) {
        List<Directive> directives = new ArrayList<>();
        for (JavaAnnotations.Found a : JavaAnnotations.find(source.chars())) {
            Location where = new Location(path, source.lineOf(a.start()), source.columnOf(a.start()),
                    source.lineOf(a.end()), source.columnOf(a.end()), null);
            List<Directive.Target> targets = new ArrayList<>();
            String reason = null;
            for (String value : a.values()) {
                String names = value;
                Matcher sep = REASON_SEPARATOR.matcher(value);
                if (sep.find()) {
                    reason = clean(value.substring(sep.end()));
                    names = value.substring(0, sep.start());
                }
                for (String name : names.trim().split("[\\s,]+")) {
                    if (!name.isEmpty()) {
                        targets.add(new Directive.Target(name, resolve(name), false));
                    }
                }
            }
            String text = "@SuppressWarnings(\"vforklint:" + String.join(",",
                    targets.stream().map(Directive.Target::written).toList()) + "\")";
            directives.add(new Directive(Directive.Form.ELEMENT, text, targets, reason, where,
                    source.lineOf(a.elementEnd())));
        }
        return directives;
    }

    private Directive own(String body, Location where) {
        Matcher m = OWN.matcher(body);
        if (!m.matches()) {
            return null;
        }
        String keyword = m.group(1);
        String rest = m.group(2);
        String reason = null;
        Matcher sep = REASON_SEPARATOR.matcher(rest);
        if (sep.find()) {
            reason = clean(rest.substring(sep.end()));
            rest = rest.substring(0, sep.start());
        }
        List<Directive.Target> targets = new ArrayList<>();
        for (String name : rest.trim().split("[\\s,]+")) {
            if (!name.isEmpty()) {
                targets.add(new Directive.Target(name, resolve(name), false));
            }
        }
        Directive.Form form = switch (keyword) {
            case "disable-next-line" -> Directive.Form.NEXT_LINE;
            case "disable-line" -> Directive.Form.LINE;
            case "disable-file" -> Directive.Form.FILE;
            case "disable" -> Directive.Form.BLOCK_START;
            default -> Directive.Form.BLOCK_END;
        };
        String text = "vforklint-" + keyword + (targets.isEmpty() ? "" : " "
                + String.join(",", targets.stream().map(Directive.Target::written).toList()));
        return new Directive(form, text, targets, reason, where);
    }

    private Directive nolint(String body, Location where) {
        NolintMarker m = NolintMarker.find(body);
        if (m == null) {
            return null;
        }
        List<String> globs = new ArrayList<>();
        for (String g : m.checks().split(",")) {
            if (!g.isBlank()) {
                globs.add(g.trim());
            }
        }
        // Only the globs aimed at vforklint count; "NOLINT(*)" and "NOLINT(bugprone-*)" are clang-tidy's business.
        List<String> ours = globs.stream().filter(g -> g.replaceFirst("^-", "").toLowerCase(Locale.ROOT)
                .startsWith("vforklint")).toList();
        if (ours.isEmpty()) {
            return null;
        }
        String kind = m.kind();
        Directive.Form form = switch (kind) {
            case "NEXTLINE" -> Directive.Form.NEXT_LINE;
            case "BEGIN" -> Directive.Form.BLOCK_START;
            case "END" -> Directive.Form.BLOCK_END;
            default -> Directive.Form.LINE;
        };
        List<Directive.Target> targets = new ArrayList<>();
        Set<String> covered = globListMatches(ours);
        boolean anyWildcard = ours.stream().anyMatch(g -> g.contains("*") || g.startsWith("-"));
        if (anyWildcard) {
            targets.add(new Directive.Target(String.join(",", ours), covered, true));
        } else {
            for (String g : ours) {
                targets.add(new Directive.Target(g, globListMatches(List.of(g)), false));
            }
        }
        String reason = clean(m.rest().replaceFirst("^\\s*(?::|-+)", ""));
        return new Directive(form, "NOLINT" + kind + "(" + String.join(",", ours) + ")", targets, reason, where);
    }

    /** clang-tidy glob-list semantics: {@code *} matches anything, a leading '-' excludes, the last matching glob wins. */
    private Set<String> globListMatches(List<String> globs) {
        List<CheckGlob> compiled = new ArrayList<>();
        for (String glob : globs) {
            compiled.add(new CheckGlob(glob.startsWith("-") ? glob.substring(1) : glob));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (RuleDefinition rule : catalogue.all()) {
            if (rule.id().equals(RuleIds.UNUSED_SUPPRESSION)) {
                continue;
            }
            Boolean verdict = null;
            for (int i = 0; i < globs.size(); i++) {
                CheckGlob p = compiled.get(i);
                if (p.matches("vforklint-" + rule.id()) || p.matches("vforklint-" + rule.name())) {
                    verdict = !globs.get(i).startsWith("-");
                }
            }
            if (Boolean.TRUE.equals(verdict)) {
                ids.add(rule.id());
            }
        }
        return ids;
    }

    private Set<String> resolve(String name) {
        return catalogue.find(name).map(r -> Set.of(r.id())).orElse(Set.of());
    }

    /** The reason as people wrote it, without the block comment's closing decoration. */
    private static String clean(String text) {
        String reason = text.replaceAll("\\s+", " ").trim();
        return reason.isEmpty() ? null : reason;
    }
}
