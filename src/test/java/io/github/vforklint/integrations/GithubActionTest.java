package io.github.vforklint.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.vforklint.PluginFixtures;
import io.github.vforklint.report.SarifSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.vforklint.integrations.VforklintProgram.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composite action at the repository root: its shape, and its run step executed here as the runner executes it. */
class GithubActionTest {

    @TempDir
    Path repo;
    @TempDir
    Path tools;
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("src"));
        Files.createDirectories(repo.resolve("lib"));
        Files.writeString(repo.resolve("src/spawn.c"), PluginFixtures.BAD);
        Files.writeString(repo.resolve("lib/ok.c"), PluginFixtures.GOOD);
        env.put("VFORKLINT_CMD", "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + VforklintProgram.jar(tools));
        env.put("GITHUB_OUTPUT", tools.resolve("github-output").toString());
        env.put("INPUT_SARIF_FILE", "out/vforklint.sarif");
    }

    private VforklintProgram.Run runStep() throws Exception {
        return VforklintProgram.run(repo, env, "bash", ROOT.resolve("integrations/github-action.sh").toString());
    }

    private Map<String, String> outputs() throws Exception {
        Map<String, String> outputs = new HashMap<>();
        for (String line : Files.readAllLines(tools.resolve("github-output"))) {
            int eq = line.indexOf('=');
            outputs.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return outputs;
    }

    @Test
    void findingsAreAnnotatedWrittenAsSarifAndLeftForTheLastStepToFailOn() throws Exception {
        env.put("INPUT_PATHS", "src\nlib");
        env.put("INPUT_ARGS", "--profile default");
        VforklintProgram.Run run = runStep();
        assertEquals(0, run.code(), "the upload step must still run: " + run.output());
        assertEquals(Map.of("exit-code", "1", "sarif-file", "out/vforklint.sarif"), outputs());
        assertTrue(run.output().contains("::error file=src/spawn.c,line=7,col=9,endColumn=38,title=VFK101 unsafe-call::"),
                run.output());
        JsonNode sarif = SarifSchema.parseValid(Files.readString(repo.resolve("out/vforklint.sarif")));
        assertEquals("vforklint/", sarif.path("runs").get(0).path("automationDetails").path("id").asText());
        JsonNode results = sarif.path("runs").get(0).path("results");
        assertEquals(1, results.size());
        assertEquals("src/spawn.c", results.get(0).path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText());
    }

    @Test
    void aCleanTreeAndFailOnNeverGiveExitCodeZero() throws Exception {
        env.put("INPUT_PATHS", "lib");
        assertEquals(0, runStep().code());
        assertEquals("0", outputs().get("exit-code"));

        Files.delete(tools.resolve("github-output"));
        env.put("INPUT_PATHS", "src lib");
        env.put("INPUT_FAIL_ON", "never");
        assertEquals(0, runStep().code());
        assertEquals("0", outputs().get("exit-code"));
    }

    @Test
    void theCategoryBecomesTheRunsAutomationId() throws Exception {
        env.put("INPUT_PATHS", "src");
        env.put("INPUT_CATEGORY", "native/jni");
        assertEquals(0, runStep().code());
        JsonNode run = SarifSchema.parseValid(Files.readString(repo.resolve("out/vforklint.sarif"))).path("runs").get(0);
        assertEquals("native/jni/", run.path("automationDetails").path("id").asText());
        assertEquals(1, run.path("results").size());

        // an input is one argument, never split or quoted by a shell; vforklint judges it
        env.put("INPUT_CATEGORY", "a b");
        VforklintProgram.Run bad = runStep();
        assertEquals(2, bad.code(), bad.output());
        assertTrue(bad.output().contains("--sarif-category: a category holds no spaces"), bad.output());
        assertTrue(bad.output().contains("::error title=vforklint::vforklint check failed with exit code 2"), bad.output());
    }

    @Test
    void aBadOptionFailsTheStepAtOnceWithTheReason() throws Exception {
        env.put("INPUT_ARGS", "--profile loose");
        VforklintProgram.Run run = runStep();
        assertEquals(2, run.code(), run.output());
        assertTrue(run.output().contains("--profile: "),
                run.output());
        assertTrue(run.output().contains("::error title=vforklint::vforklint check failed with exit code 2"), run.output());
        assertFalse(Files.exists(repo.resolve("out/vforklint.sarif")));
    }

    @Test
    void inputsAreNeverEvaluatedByTheShell() throws Exception {
        env.put("INPUT_PATHS", "src $(touch pwned) `touch pwned2`");
        env.put("INPUT_ARGS", "; touch pwned3");
        runStep();
        assertFalse(Files.exists(repo.resolve("pwned")));
        assertFalse(Files.exists(repo.resolve("pwned2")));
        assertFalse(Files.exists(repo.resolve("pwned3")));
    }

    @Test
    void theActionSetsUpJavaRunsTheScriptAndUploadsUnderTheCategory() throws Exception {
        String text = Files.readString(ROOT.resolve("action.yml"));
        JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(text);
        assertEquals("composite", action.path("runs").path("using").asText());
        JsonNode steps = action.path("runs").path("steps");
        assertTrue(steps.get(0).path("uses").asText().startsWith("actions/setup-java@"));
        JsonNode check = steps.get(1);
        assertEquals("check", check.path("id").asText());
        assertTrue(check.path("run").asText().contains("$GITHUB_ACTION_PATH/integrations/github-action.sh"));
        JsonNode upload = steps.get(2);
        assertTrue(upload.path("uses").asText().startsWith("github/codeql-action/upload-sarif@"));
        assertEquals("${{ steps.check.outputs.sarif-file }}", upload.path("with").path("sarif_file").asText());
        // the category travels in the SARIF: upload-sarif's category only fills a run without one
        assertFalse(upload.path("with").has("category"));
        assertEquals("${{ inputs.category }}", check.path("env").path("INPUT_CATEGORY").asText());
        assertTrue(upload.path("if").asText().contains("!cancelled()"), "the upload runs even when findings fail the job");
        assertTrue(steps.get(3).path("if").asText().contains("steps.check.outputs.exit-code == '1'"));
        // every input the action refers to is declared, and every INPUT_ variable the script reads is passed
        Matcher m = Pattern.compile("inputs\\.([a-z-]+)").matcher(text);
        while (m.find()) {
            assertTrue(action.path("inputs").has(m.group(1)), "undeclared input " + m.group(1));
        }
        String script = Files.readString(ROOT.resolve("integrations/github-action.sh"));
        Matcher vars = Pattern.compile("\\$\\{(INPUT_[A-Z_]+)").matcher(script);
        while (vars.find()) {
            assertTrue(check.path("env").has(vars.group(1)), "the run step does not pass " + vars.group(1));
        }
    }
}
