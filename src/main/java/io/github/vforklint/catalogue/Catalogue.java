package io.github.vforklint.catalogue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of {@code rules/} (rule documents and function lists) as the engine reads them:
 * compiled at build time into one JSON resource ({@link CatalogueCompiler}), so a run reads one
 * small file and starts no YAML parser. Loaded once per JVM and shared; immutable.
 */
public final class Catalogue {

    /** The resource the build writes. */
    static final String RESOURCE = "rules/catalogue.json";

    /** A rule document: its YAML front matter and its Markdown body. */
    public record Document(JsonNode frontMatter, String body) {
    }

    private static volatile Catalogue loaded;

    private final Map<String, Document> documents;
    private final Map<String, JsonNode> data;

    Catalogue(Map<String, Document> documents, Map<String, JsonNode> data) {
        // Map.copyOf iterates in an order that changes from run to run: `rules`, SARIF's rule list and
        // the engine's rule order must not.
        this.documents = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(documents));
        this.data = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(data));
    }

    public static Catalogue load() {
        Catalogue c = loaded;
        if (c == null) {
            synchronized (Catalogue.class) {
                c = loaded;
                if (c == null) {
                    c = read();
                    loaded = c;
                }
            }
        }
        return c;
    }

    /** Rule documents by file name ({@code VFK101-unsafe-call.md}), sorted. */
    public Map<String, Document> documents() {
        return documents;
    }

    /** A data file of {@code rules/functions/} by name ({@code unsafe.yml}). */
    public JsonNode functions(String file) {
        JsonNode node = data.get(file);
        if (node == null) {
            throw new IllegalStateException("catalogue file missing: rules/functions/" + file);
        }
        return node;
    }

    private static Catalogue read() {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the compiled catalogue " + RESOURCE
                        + " is missing from the classpath: build with Maven (it writes it in process-classes)");
            }
            return fromJson(readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The JSON document {@code in} holds, as a tree. */
    static JsonNode readTree(InputStream in) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            if (parser.nextToken() == null) {
                throw new IOException(RESOURCE + " is empty");
            }
            return tree(parser);
        }
    }

    /**
     * The JSON value at the parser's token, as a tree. Read with the streaming parser alone: an
     * object mapper's first use sets up date formats and calendars this file has no use for, a
     * tenth of an empty folder's scan.
     */
    private static JsonNode tree(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, tree(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IOException("unexpected " + parser.currentToken() + " in " + RESOURCE);
        };
    }

    static Catalogue fromJson(JsonNode root) {
        Map<String, Document> documents = new java.util.TreeMap<>();
        root.path("documents").fields().forEachRemaining(e -> documents.put(e.getKey(),
                new Document(e.getValue().path("frontMatter"), e.getValue().path("body").asText())));
        Map<String, JsonNode> data = new LinkedHashMap<>();
        root.path("functions").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue()));
        return new Catalogue(documents, data);
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode docs = root.putObject("documents");
        documents.forEach((name, d) -> {
            ObjectNode doc = docs.putObject(name);
            doc.set("frontMatter", d.frontMatter());
            doc.put("body", d.body());
        });
        ObjectNode functions = root.putObject("functions");
        new java.util.TreeMap<>(data).forEach(functions::set);
        return root;
    }
}
