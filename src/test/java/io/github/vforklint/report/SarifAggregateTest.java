package io.github.vforklint.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.PluginFixtures;
import io.github.vforklint.api.Aggregate;
import io.github.vforklint.api.BuildOptions;
import io.github.vforklint.api.Check;
import io.github.vforklint.api.CheckException;
import io.github.vforklint.api.CheckResult;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One SARIF file for several modules' checks: one valid run with every module's results. */
class SarifAggregateTest {

    @TempDir
    Path root;

    private Path checkModule(Path base, String module, String source) throws Exception {
        Path dir = Files.createDirectories(base.resolve(module + "/src/main/c"));
        Files.writeString(dir.resolve("spawn.c"), source);
        CheckResult result = Check.prepare(new BuildOptions(base, base.resolve(module), RuleCatalogue.load())
                .paths(List.of(dir)).discoverConfig(false).toRequest()).run();
        Path sarif = base.resolve(module + "/vforklint.sarif");
        result.writeReport(ReportFormat.SARIF, result.reportSettings(false, false), sarif);
        return sarif;
    }

    @Test
    void modulesBecomeOneValidRunInVforklintsCategory() throws Exception {
        Path a = checkModule(root, "a", PluginFixtures.BAD);
        Path b = checkModule(root, "b", PluginFixtures.GOOD);
        Path c = checkModule(root, "c", PluginFixtures.BAD.replace("printf(", "puts(").replace(", path)", ")"));
        Path merged = root.resolve("all.sarif");
        Aggregate.writeSarif(List.of(a, b, c), root, SarifCategory.DEFAULT, merged);

        JsonNode log = SarifSchema.parseValid(Files.readString(merged));
        assertEquals(1, log.path("runs").size());
        JsonNode run = log.path("runs").get(0);
        assertEquals("vforklint/", run.path("automationDetails").path("id").asText());
        assertEquals(2, run.path("results").size());
        assertEquals("a/src/main/c/spawn.c", uri(run.path("results").get(0)));
        assertEquals("c/src/main/c/spawn.c", uri(run.path("results").get(1)));
        for (JsonNode result : run.path("results")) {
            assertEquals(result.path("ruleId").asText(),
                    run.path("tool").path("driver").path("rules").get(result.path("ruleIndex").asInt()).path("id").asText());
        }
        assertTrue(run.path("invocations").get(0).path("executionSuccessful").asBoolean());
    }

    @Test
    void noModuleGivesAnEmptyValidRun() throws Exception {
        Path merged = root.resolve("none.sarif");
        Aggregate.writeSarif(List.of(), root, new SarifCategory("java/maven"), merged);
        JsonNode run = SarifSchema.parseValid(Files.readString(merged)).path("runs").get(0);
        assertEquals(0, run.path("results").size());
        assertEquals("java/maven/", run.path("automationDetails").path("id").asText());
        assertFalse(run.path("tool").path("driver").path("rules").isEmpty());
    }

    @Test
    void reportsOfDifferentSourceRootsAreRefused() throws Exception {
        Path a = checkModule(Files.createDirectories(root.resolve("one")), "a", PluginFixtures.BAD);
        Path b = checkModule(Files.createDirectories(root.resolve("two")), "b", PluginFixtures.BAD);
        CheckException e = assertThrows(CheckException.class,
                () -> Aggregate.writeSarif(List.of(a, b), root, SarifCategory.DEFAULT, root.resolve("x.sarif")));
        assertTrue(e.getMessage().contains("its source root differs from"), e.getMessage());
        assertFalse(Files.exists(root.resolve("x.sarif")));
    }

    private static String uri(JsonNode result) {
        return result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();
    }
}
