package io.github.vforklint.maven;

import io.github.vforklint.api.BuildOptions;
import static io.github.vforklint.PluginFixtures.BAD;
import io.github.vforklint.api.CheckResult;
import io.github.vforklint.report.ReportFormat;
import io.github.vforklint.report.SarifCategory;
import io.github.vforklint.rules.RuleCatalogue;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-module cache: an unchanged module reuses its result; any change to what it depends on scans again. */
class ModuleCheckCacheTest {


    @TempDir
    Path module;
    Path source;
    Path output;
    final RuleCatalogue catalogue = RuleCatalogue.load();

    @BeforeEach
    void writeModule() throws Exception {
        source = module.resolve("src/main/c/spawn.c");
        Files.createDirectories(source.getParent());
        Files.writeString(source, BAD);
        output = module.resolve("target/vforklint");
    }

    private ModuleCheck check(String failOn, List<Path> includeDirs) {
        return check(failOn, includeDirs, SarifCategory.DEFAULT);
    }

    private ModuleCheck check(String failOn, List<Path> includeDirs, SarifCategory category) {
        BuildOptions options = new BuildOptions(module, module, catalogue).paths(List.of(source.getParent()))
                .failOn(failOn).includeDirs(includeDirs).discoverConfig(false);
        return new ModuleCheck("m", List.of(source.getParent()), options, output,
                new ModuleCheck.Reports(List.of(ReportFormat.JSON), false, category), true, new SystemStreamLog());
    }

    @Test
    void anUnchangedModuleReusesItsResultAndAnyChangeScansAgain() throws Exception {
        ModuleCheck.Outcome first = check(null, List.of()).run();
        assertFalse(first.cached());
        assertEquals(CheckResult.Status.FINDINGS, first.status());
        assertTrue(Files.isRegularFile(output.resolve("vforklint-json.json")));
        String sarif = Files.readString(output.resolve("vforklint.sarif"));

        ModuleCheck.Outcome second = check(null, List.of()).run();
        assertTrue(second.cached());
        assertEquals(first.status(), second.status());
        assertEquals(first.summary(), second.summary());
        assertEquals(first.findings(), second.findings());
        assertEquals(sarif, Files.readString(second.sarif()));

        // another option: scanned again, and the verdict follows the option
        ModuleCheck.Outcome never = check("never", List.of()).run();
        assertFalse(never.cached());
        assertEquals(CheckResult.Status.CLEAN, never.status());

        // another SARIF category: the SARIF report changes, so the module is scanned again
        check(null, List.of()).run();
        ModuleCheck.Outcome categorized = check(null, List.of(), new SarifCategory("vforklint/m")).run();
        assertFalse(categorized.cached());
        assertTrue(Files.readString(categorized.sarif()).contains("\"id\" : \"vforklint/m/\""));
        assertTrue(check(null, List.of(), new SarifCategory("vforklint/m")).run().cached());

        // a changed source file
        check(null, List.of()).run();
        Files.writeString(source, io.github.vforklint.PluginFixtures.GOOD);
        ModuleCheck.Outcome fixed = check(null, List.of()).run();
        assertFalse(fixed.cached());
        assertEquals(CheckResult.Status.CLEAN, fixed.status());
        assertTrue(check(null, List.of()).run().cached());

        // a changed header in an include directory
        Path include = Files.createDirectories(module.resolve("include"));
        Files.writeString(include.resolve("spawn.h"), "int spawn(const char *, char *const []);\n");
        assertFalse(check(null, List.of(include)).run().cached());
        assertTrue(check(null, List.of(include)).run().cached());
        Files.writeString(include.resolve("spawn.h"), "#define SPAWN 1\n");
        assertFalse(check(null, List.of(include)).run().cached());
    }

    @Test
    void aMissingOrEditedReportOrAnUnreadableCacheIsAMissNotAnError() throws Exception {
        check(null, List.of()).run();
        Files.delete(output.resolve("vforklint.xml"));
        ModuleCheck.Outcome rerun = check(null, List.of()).run();
        assertFalse(rerun.cached());
        assertTrue(Files.isRegularFile(output.resolve("vforklint.xml")));

        Files.writeString(output.resolve("vforklint.txt"), "edited\n");
        assertFalse(check(null, List.of()).run().cached());

        Files.writeString(output.resolve("cache.json"), "{ not json");
        ModuleCheck.Outcome afterCorruption = check(null, List.of()).run();
        assertFalse(afterCorruption.cached());
        assertEquals(CheckResult.Status.FINDINGS, afterCorruption.status());
        assertTrue(check(null, List.of()).run().cached());
    }

    @Test
    void theAggregateReusesAModulesOwnResultAndNeverOverwritesIt() throws Exception {
        ModuleCheck.Outcome own = check(null, List.of()).run();
        String ownSarif = Files.readString(own.sarif());
        Path elsewhere = module.resolve("aggregate/m");

        ModuleCheck.Outcome reused = check(null, List.of()).writingTo(elsewhere).run();
        assertTrue(reused.cached());
        assertEquals(own.sarif(), reused.sarif());
        assertFalse(Files.exists(elsewhere));

        // other options: checked into the aggregate's folder, the module's reports left as they were
        ModuleCheck.Outcome other = check("never", List.of()).writingTo(elsewhere).run();
        assertFalse(other.cached());
        assertEquals(elsewhere.resolve("vforklint.sarif"), other.sarif());
        assertEquals(CheckResult.Status.CLEAN, other.status());
        assertEquals(ownSarif, Files.readString(output.resolve("vforklint.sarif")));
        assertTrue(check(null, List.of()).run().cached());
        assertTrue(check("never", List.of()).writingTo(elsewhere).run().cached());
    }
}
