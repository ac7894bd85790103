package io.github.vforklint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.catalogue.Catalogue;
import io.github.vforklint.finding.Severity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** All rules, loaded from the {@code rules/VFKnnn-name.md} documents, compiled into the jar's catalogue. */
public final class RuleCatalogue {


    private final Map<String, RuleDefinition> byId;

    private RuleCatalogue(Map<String, RuleDefinition> byId) {
        this.byId = byId;
    }

    public static RuleCatalogue load() {
        Map<String, RuleDefinition> rules = new LinkedHashMap<>();
        for (Map.Entry<String, Catalogue.Document> doc : Catalogue.load().documents().entrySet()) {
            RuleDefinition rule = parse(doc.getKey(), doc.getValue().frontMatter(), doc.getValue().body());
            if (rules.put(rule.id(), rule) != null) {
                throw new IllegalStateException("rule id " + rule.id() + " is defined twice");
            }
        }
        return new RuleCatalogue(rules);
    }

    static RuleDefinition parse(String file, JsonNode meta, String body) {
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        meta.path("profiles").forEach(p -> profiles.add(Profile.parse(p.asText())));
        List<String> tags = new ArrayList<>();
        meta.path("tags").forEach(t -> tags.add(t.asText()));
        List<Reference> references = new ArrayList<>();
        meta.path("references").forEach(r -> references.add(new Reference(r.path("title").asText(), r.path("url").asText())));
        Map<String, RuleDefinition.Variant> variants = new LinkedHashMap<>();
        meta.path("variants").fields().forEachRemaining(v -> {
            Set<Profile> variantProfiles = EnumSet.noneOf(Profile.class);
            v.getValue().path("profiles").forEach(p -> variantProfiles.add(Profile.parse(p.asText())));
            variants.put(v.getKey(), new RuleDefinition.Variant(Severity.parse(required(v.getValue(), "severity", file)),
                    required(v.getValue(), "message", file), variantProfiles));
        });
        Example bad = codeBlockUnder(body, "Bad");
        Example good = codeBlockUnder(body, "Good");
        return new RuleDefinition(
                required(meta, "id", file), required(meta, "name", file),
                Severity.parse(required(meta, "severity", file)), profiles,
                required(meta, "summary", file), required(meta, "message", file), Map.copyOf(variants),
                List.copyOf(tags), List.copyOf(references), body,
                bad.code(), good.code(), bad.file(), good.file());
    }

    private static String required(JsonNode meta, String key, String file) {
        String value = meta.path(key).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException(file + ": front matter lacks '" + key + "'");
        }
        return value;
    }

    /** An example and the file it stands for: {@code ```c}, or a language and a file name ({@code ```xml pom.xml}). */
    private record Example(String code, String file) {
    }

    /** A fenced block's opening line: a language, then perhaps a file name. */
    private static final Pattern FENCE_OPENING = Pattern.compile("```(\\w+)(?:[ \t]+(\\S+))?[ \t]*");

    /**
     * The first fenced block with a language after the line {@code ## heading}, read line by line:
     * one regular expression over the whole document, compiled for each of four questions a rule,
     * was most of the start-up of a scan of an empty folder.
     */
    private static Example codeBlockUnder(String body, String heading) {
        String[] lines = body.split("\n", -1);
        int at = 0;
        while (at < lines.length && !lines[at].strip().equals("## " + heading)) {
            at++;
        }
        Matcher opening = null;
        for (at++; at < lines.length; at++) {
            Matcher m = FENCE_OPENING.matcher(lines[at]);
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

    public Collection<RuleDefinition> all() {
        return byId.values();
    }

    public RuleDefinition get(String id) {
        RuleDefinition rule = byId.get(id);
        if (rule == null) {
            throw new IllegalStateException("no catalogue document for rule " + id);
        }
        return rule;
    }

    /** Finds a rule by id ({@code VFK101}, any case) or name ({@code unsafe-call}). */
    public Optional<RuleDefinition> find(String idOrName) {
        String key = idOrName.trim();
        for (RuleDefinition rule : byId.values()) {
            if (rule.id().equalsIgnoreCase(key) || rule.name().equalsIgnoreCase(key)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
