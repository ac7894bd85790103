package io.github.vforklint.report;

import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import io.github.vforklint.rules.Reference;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** {@code tool.driver.rules}: every rule of the catalogue, its help taken from its document in {@code rules/}. */
final class SarifRules {

    static final String REPOSITORY = "https://github.com/vforklint/vforklint";
    /** GitHub rejects more than this in a description. */
    private static final int MAX_DESCRIPTION = 1024;

    private final List<ReportingDescriptor> descriptors = new ArrayList<>();
    private final Map<String, Integer> indexById = new LinkedHashMap<>();

    SarifRules(RuleCatalogue catalogue) {
        // By id: the catalogue's own order is not fixed from one run to the next, and SARIF's ruleIndex must be.
        for (RuleDefinition rule : catalogue.all().stream().sorted(Comparator.comparing(RuleDefinition::id)).toList()) {
            indexById.put(rule.id(), descriptors.size());
            descriptors.add(descriptor(rule));
        }
    }

    List<ReportingDescriptor> descriptors() {
        return descriptors;
    }

    int indexOf(String ruleId) {
        Integer i = indexById.get(ruleId);
        if (i == null) {
            throw new IllegalStateException("finding of a rule the catalogue does not have: " + ruleId);
        }
        return i;
    }

    /** The rule's document on GitHub: the page people land on from an alert. */
    static URI helpUri(RuleDefinition rule) {
        return URI.create(REPOSITORY + "/blob/main/rules/" + rule.id() + "-" + rule.name() + ".md");
    }

    private static ReportingDescriptor descriptor(RuleDefinition rule) {
        String markdown = rule.description() + references(rule);
        return new ReportingDescriptor()
                .withId(rule.id())
                .withName(rule.name())
                .withShortDescription(new MultiformatMessageString().withText(rule.summary() + "."))
                .withFullDescription(new MultiformatMessageString().withText(firstParagraph(rule.description())))
                .withHelp(new MultiformatMessageString().withText(rule.summary() + ".\n\n" + markdown).withMarkdown(markdown))
                .withHelpUri(helpUri(rule))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(level(rule)))
                .withProperties(new PropertyBag().withTags(new LinkedHashSet<>(rule.tags())));
    }

    private static ReportingConfiguration.Level level(RuleDefinition rule) {
        return switch (rule.severity()) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case NOTE -> ReportingConfiguration.Level.NOTE;
        };
    }

    private static String references(RuleDefinition rule) {
        if (rule.references().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n\n## References\n\n");
        for (Reference r : rule.references()) {
            out.append("- [").append(r.title()).append("](").append(r.url()).append(")\n");
        }
        return out.toString().stripTrailing();
    }

    /** The document's first paragraph, as one line, cut at a sentence within GitHub's limit. */
    static String firstParagraph(String markdown) {
        String paragraph = markdown.strip().split("\\R\\s*\\R", 2)[0].replaceAll("\\s+", " ").trim();
        if (paragraph.length() <= MAX_DESCRIPTION) {
            return paragraph;
        }
        String cut = paragraph.substring(0, MAX_DESCRIPTION);
        int sentence = cut.lastIndexOf(". ");
        return sentence > 0 ? cut.substring(0, sentence + 1) : cut.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
