package io.github.vforklint.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles the {@code rules/} folder (Markdown rule documents with YAML front matter, and the
 * YAML function lists under {@code functions/}) into the one JSON resource {@link Catalogue}
 * reads. The build runs it ({@code process-classes}); errors in the catalogue fail the build
 * with the file named.
 *
 * <pre>java io.github.vforklint.catalogue.CatalogueCompiler RULES_DIR OUTPUT_FILE</pre>
 */
public final class CatalogueCompiler {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R(.*)\\z", Pattern.DOTALL);
    private static final Pattern DOCUMENT_NAME = Pattern.compile("VFK\\d{3}-[a-z0-9-]+\\.md");

    private CatalogueCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CatalogueCompiler RULES_DIR OUTPUT_FILE");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ObjectMapper json = new ObjectMapper();
        Files.writeString(out, json.writeValueAsString(compile(Path.of(args[0])).toJson(json)), StandardCharsets.UTF_8);
    }

    /** Reads the catalogue's sources. */
    public static Catalogue compile(Path rulesDir) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Catalogue.Document> documents = new TreeMap<>();
        for (Path doc : list(rulesDir, ".md")) {
            String name = doc.getFileName().toString();
            if (!DOCUMENT_NAME.matcher(name).matches()) {
                continue;
            }
            Matcher m = FRONT_MATTER.matcher(Files.readString(doc).replace("\r\n", "\n"));
            if (!m.matches()) {
                throw new IllegalStateException(name + ": missing YAML front matter");
            }
            try {
                documents.put(name, new Catalogue.Document(yaml.readTree(m.group(1)), m.group(2).strip()));
            } catch (IOException e) {
                throw new IllegalStateException(name + ": bad front matter: " + e.getMessage(), e);
            }
        }
        Map<String, JsonNode> data = new TreeMap<>();
        for (Path file : list(rulesDir.resolve("functions"), ".yml")) {
            try {
                data.put(file.getFileName().toString(), yaml.readTree(file.toFile()));
            } catch (IOException e) {
                throw new IllegalStateException("functions/" + file.getFileName() + ": " + e.getMessage(), e);
            }
        }
        return new Catalogue(documents, data);
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
