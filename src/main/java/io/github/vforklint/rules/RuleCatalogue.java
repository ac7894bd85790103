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
        return new RuleDefinition(
                required(meta, "id", file), required(meta, "name", file),
                Severity.parse(required(meta, "severity", file)), profiles,
                required(meta, "summary", file), required(meta, "message", file), Map.copyOf(variants),
                List.copyOf(tags), List.copyOf(references), body);
    }

    private static String required(JsonNode meta, String key, String file) {
        String value = meta.path(key).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException(file + ": front matter lacks '" + key + "'");
        }
        return value;
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
