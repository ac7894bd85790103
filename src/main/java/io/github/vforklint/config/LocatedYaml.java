package io.github.vforklint.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree, plus the line each key and value starts on, so that an
 * error in a configuration file can point at its line. Lines are found by JSON pointer
 * ({@code /severity/VFK108}, {@code /select/1}).
 */
final class LocatedYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** @throws JsonProcessingException with the location of a syntax error */
    static LocatedYaml parse(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
                    // Jackson reads an alias as a string holding the anchor's name ("include: *e" as "e"):
                    // silently wrong, so refused.
                    throw new AliasException(p);
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // The container's own pointer is that of its key in the parent, already recorded.
                    pointer = p.getParsingContext().getParent() == null ? ""
                            : p.getParsingContext().getParent().pathAsPointer().toString();
                }
                lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
            }
        }
        JsonNode root = YAML.readTree(text);
        boolean empty = root == null || root.isMissingNode() || root.isNull();
        return new LocatedYaml(empty ? YAML.createObjectNode() : root, lines);
    }

    /** A YAML alias ({@code *name}): vforklint's configuration has no use for them. */
    static final class AliasException extends JsonProcessingException {
        AliasException(JsonParser p) {
            super("aliases (*name) are not supported: write the value out", p.currentTokenLocation());
        }
    }

    JsonNode root() {
        return root;
    }

    /** The line of the key or value at the pointer, or of the nearest enclosing one that is known. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 1;
            }
            p = p.substring(0, slash);
        }
    }
}
