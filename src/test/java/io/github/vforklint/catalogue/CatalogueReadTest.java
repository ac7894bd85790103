package io.github.vforklint.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CatalogueReadTest {

    @Test
    void theCompiledCatalogueReadsAsJacksonsMapperReadsIt() throws IOException {
        try (InputStream streamed = resource(); InputStream mapped = resource()) {
            assertEquals(new ObjectMapper().readTree(mapped), Catalogue.readTree(streamed));
        }
    }

    @Test
    void everyKindOfValueReadsAsTheMapperReadsIt() throws IOException {
        String json = "{\"s\":\"x\\u00e9\",\"i\":7,\"l\":12345678901,\"b\":123456789012345678901234567890,"
                + "\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,\"a\":[[],{},[1,\"2\"]],\"s\":\"last wins\"}";
        assertEquals(new ObjectMapper().readTree(json), Catalogue.readTree(bytes(json)));
    }

    @Test
    void anEmptyResourceIsAnError() {
        assertThrows(IOException.class, () -> Catalogue.readTree(bytes("")));
    }

    private static InputStream resource() {
        InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(Catalogue.RESOURCE);
        assertNotNull(in, Catalogue.RESOURCE);
        return in;
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
