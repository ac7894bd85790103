package io.github.vforklint.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a catalogue message's {placeholders}. */
final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private MessageTemplate() {
    }

    static String format(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
