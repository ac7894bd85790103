package io.github.vforklint.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
            return fromJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
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
