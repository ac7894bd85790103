package io.github.vforklint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe's real output, in every setup the tests run, against the shipped JSON schema. */
class ProbeSchemaTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ProbeSchemaTest.class.getResourceAsStream("probe-result.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void quickNativeOutputMatchesTheSchema() throws ProbeException {
        assertValid(ProbeFixtures.nativeQuick().json());
    }

    @Test
    void latencyOutputMatchesTheSchema() throws ProbeException {
        assertValid(ProbeFixtures.nativeShortLatency().json());
    }

    @Test
    void muslValgrindAndQemuOutputsMatchTheSchema() throws ProbeException {
        ProbeTools.requireLinuxX86_64();
        assertValid(ProbeFixtures.muslStaticQuick().json());
        assertValid(ProbeFixtures.valgrindQuick().json());
        assertValid(ProbeFixtures.qemuAarch64Quick().json());
    }

    @Test
    void outputWithUnavailableMechanismsMatchesTheSchema() throws ProbeException {
        assertValid(ProbeFixtures.withoutVforkAndClone().json());
    }

    @Test
    void outputWithoutVforklintsInvocationMatchesToo() throws ProbeException {
        ObjectNode bare = ProbeFixtures.nativeQuick().json().deepCopy();
        bare.remove("invocation");
        assertValid(bare);
    }

    /** Guards against a schema so loose that it accepts anything. */
    @Test
    void schemaRejectsAnUnknownVerdictAndAMissingMechanism() throws ProbeException {
        ObjectNode wrongVerdict = ProbeFixtures.nativeQuick().json().deepCopy();
        ((ObjectNode) wrongVerdict.path("mechanisms").path("vfork")).put("verdict", "probably-vfork");
        assertFalse(schema.validate(wrongVerdict).isEmpty());

        ObjectNode missing = ProbeFixtures.nativeQuick().json().deepCopy();
        ((ObjectNode) missing.path("mechanisms")).remove("fork");
        assertFalse(schema.validate(missing).isEmpty());

        ObjectNode extra = ProbeFixtures.nativeQuick().json().deepCopy();
        extra.put("surprise", true);
        assertFalse(schema.validate(extra).isEmpty());
    }

    @Test
    void schemaVersionIsTheOneTheJavaSideReads() throws ProbeException {
        assertEquals(ProbeResult.SCHEMA, ProbeFixtures.nativeQuick().json().path("schema").asInt());
    }

    private static void assertValid(JsonNode json) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(errors.isEmpty(), () -> "schema violations: " + errors + "\n" + json.toPrettyString());
    }
}
