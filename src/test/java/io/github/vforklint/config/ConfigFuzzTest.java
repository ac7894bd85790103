package io.github.vforklint.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vforklint.rules.RuleCatalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration reader on any bytes, read as a file found in the scanned tree: it either
 * gives options or a {@link ConfigException} that names the file, never another exception, and
 * never an option that runs a program.
 */
class ConfigFuzzTest {

    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

    @FuzzTest(maxDuration = "12s")
    void configReader(byte[] yaml) throws IOException {
        Path dir = Files.createTempDirectory("vforklint-fuzz");
        Path file = dir.resolve(ConfigFile.NAME);
        try {
            Files.write(file, yaml);
            CheckConfig config = ConfigFile.load(file, ConfigFile.NAME, ConfigFile.Origin.FOUND_IN_TREE, CATALOGUE);
            assertNotNull(config);
            assertNull(config.compiler(), "a configuration found in the tree never names a compiler");
            assertTrue(config.systemIncludes() == null || !config.systemIncludes(), "nor turns on system includes");
        } catch (ConfigException e) {
            assertTrue(e.getMessage().startsWith(ConfigFile.NAME), "the message names the file: " + e.getMessage());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
