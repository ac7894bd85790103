package io.github.vforklint.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one mapper for probe documents: snake_case on the wire, records in Java. */
public final class ProbeJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ProbeJson() {}

    public static ProbeResult bind(JsonNode json) throws ProbeException {
        try {
            return MAPPER.treeToValue(json, ProbeResult.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProbeException.incomplete("the probe's JSON does not match schema " + ProbeResult.SCHEMA + ": "
                    + e.getOriginalMessage());
        }
    }
}
