package io.github.vforklint.gradle;

import io.github.vforklint.PluginFixtures;
import org.gradle.api.Project;
import org.gradle.testfixtures.ProjectBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The work action alone, with its parameters as the task fills them. */
class VforklintWorkTest {

    @TempDir
    Path dir;
    VforklintWork.Parameters parameters;
    VforklintWork work;

    @BeforeEach
    void parameters() throws Exception {
        Path jni = Files.createDirectories(dir.resolve("module/src/main/jni"));
        Files.writeString(jni.resolve("spawn.c"), PluginFixtures.BAD);
        Files.writeString(jni.resolve("ok.c"), PluginFixtures.GOOD.replace("spawn", "spawn_ok"));
        Project project = ProjectBuilder.builder().withProjectDir(dir.toFile()).build();
        parameters = project.getObjects().newInstance(VforklintWork.Parameters.class);
        parameters.getBaseDirectory().set(dir.toFile());
        parameters.getModuleDirectory().set(dir.resolve("module").toFile());
        parameters.getSourceDirectories().add(jni.toFile());
        parameters.getOutcomeFile().set(dir.resolve("outcome.properties").toFile());
        parameters.getConsoleFile().set(dir.resolve("console.txt").toFile());
        parameters.getReports().add("sarif=" + dir.resolve("out/r.sarif"));
        parameters.getReports().add("checkstyle=" + dir.resolve("out/r.xml"));
        work = new VforklintWork() {
            @Override
            public Parameters getParameters() {
                return parameters;
            }
        };
    }

    private VforklintWork.Outcome outcome() throws Exception {
        work.execute();
        return VforklintWork.Outcome.read(dir.resolve("outcome.properties"));
    }

    @Test
    void writesTheReportsAndTheOutcome() throws Exception {
        VforklintWork.Outcome outcome = outcome();
        assertEquals("FINDINGS", outcome.status());
        assertEquals("vforklint: 1 problem (1 error, 0 warnings, 0 notes) in 2 files, 2 vfork sites", outcome.summary());
        assertEquals(1, outcome.problems());
        assertNull(outcome.error());
        assertTrue(Files.readString(dir.resolve("out/r.sarif")).contains("\"ruleId\" : \"VFK101\""));
        assertTrue(Files.readString(dir.resolve("out/r.xml")).contains("module/src/main/jni/spawn.c"));
        assertTrue(Files.readString(dir.resolve("console.txt"))
                .startsWith("module/src/main/jni/spawn.c:7:9: error: printf() in the vfork child"));
    }

    @Test
    void optionsReachTheCheck() throws Exception {
        parameters.getExcludes().add("**/spawn.c");
        VforklintWork.Outcome excluded = outcome();
        assertEquals("CLEAN", excluded.status());
        assertEquals("vforklint: no problems found (1 file, 1 vfork site)", excluded.summary());

        parameters.getExcludes().set(List.of());
        parameters.getSeverities().add("VFK101=warning");
        assertEquals("CLEAN", outcome().status(), "a warning does not fail at the default level");
        parameters.getFailOnSeverity().set("warning");
        assertEquals("FINDINGS", outcome().status());
    }

    @Test
    void aCheckThatCannotRunIsAnOutcomeWithTheMessage() throws Exception {
        parameters.getProfile().set("loose");
        VforklintWork.Outcome outcome = outcome();
        assertEquals("ERROR", outcome.status());
        assertTrue(outcome.error().startsWith("profile: "), outcome.error());
        assertFalse(Files.exists(dir.resolve("out/r.sarif")));
    }
}
