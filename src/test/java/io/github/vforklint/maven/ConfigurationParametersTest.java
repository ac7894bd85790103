package io.github.vforklint.maven;

import io.github.vforklint.PluginFixtures;
import io.github.vforklint.api.CheckResult;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * maxConfigs, exploreConfigs and fileTimeout reach the check, and the module cache tells their
 * values apart: vfork only where NOMMU is defined is found in another configuration by default,
 * named as left out with maxConfigs=0, not with a pinned configuration (defines), again with exploreConfigs.
 */
class ConfigurationParametersTest {

    @TempDir
    Path module;

    private CheckMojo mojo() throws Exception {
        Path c = Files.createDirectories(module.resolve("src/main/c"));
        Files.writeString(c.resolve("spawn.c"), PluginFixtures.NOMMU);
        CheckMojo mojo = new CheckMojo();
        mojo.project = new MavenProject();
        mojo.project.setFile(module.resolve("pom.xml").toFile());
        // the parameters' default values, as Maven sets them
        mojo.maxDepth = 64;
        mojo.maxHelperReach = 50;
        mojo.maxConfigs = 12;
        mojo.fileTimeout = 60;
        mojo.sarifCategory = "vforklint";
        mojo.cache = true;
        return mojo;
    }

    private ModuleCheck.Outcome run(CheckMojo mojo) throws Exception {
        return mojo.checkFor(mojo.project, module.resolve("target/vforklint")).run();
    }

    @Test
    void theConfigurationParametersChangeWhatIsFoundAndTheCacheKey() throws Exception {
        CheckMojo mojo = mojo();
        ModuleCheck.Outcome found = run(mojo);
        assertEquals(CheckResult.Status.FINDINGS, found.status(), found.summary());
        assertTrue(Files.readString(found.text()).contains("only in the configuration where NOMMU is defined"));
        assertTrue(run(mojo).cached());

        mojo.maxConfigs = 0;
        ModuleCheck.Outcome defaultOnly = run(mojo);
        assertFalse(defaultOnly.cached(), "another maxConfigs is another key");
        // no finding, and the vfork call left out is named: the check is incomplete, not clean
        assertEquals(CheckResult.Status.INCOMPLETE, defaultOnly.status(), defaultOnly.summary());
        assertTrue(Files.readString(defaultOnly.text()).contains("spawn.c:7: warning: vfork() here is not analysed as a vfork site"),
                "the vfork call left out is named");

        mojo.maxConfigs = 12;
        mojo.defines = List.of("OTHER");
        assertEquals(CheckResult.Status.INCOMPLETE, run(mojo).status(), "a pinned configuration is the one analysed");
        mojo.exploreConfigs = true;
        ModuleCheck.Outcome explored = run(mojo);
        assertFalse(explored.cached());
        assertEquals(CheckResult.Status.FINDINGS, explored.status(), explored.summary());

        mojo.fileTimeout = 30;
        assertFalse(run(mojo).cached(), "another fileTimeout is another key");
    }

    @Test
    void outOfRangeValuesAreAClearFailure() throws Exception {
        CheckMojo mojo = mojo();
        mojo.maxConfigs = -1;
        assertEquals("maxConfigs must be 0 or more",
                assertThrows(io.github.vforklint.api.CheckException.class, () -> run(mojo)).getMessage());
        mojo.maxConfigs = 12;
        mojo.fileTimeout = 0;
        assertEquals("fileTimeout must be between 1 and 86400 seconds",
                assertThrows(io.github.vforklint.api.CheckException.class, () -> run(mojo)).getMessage());
    }
}
