package io.github.vforklint.gradle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vforklint.PluginFixtures;
import io.github.vforklint.Version;
import io.github.vforklint.api.BuildOptions;
import io.github.vforklint.api.Check;
import io.github.vforklint.rules.RuleCatalogue;
import org.gradle.api.GradleException;
import org.gradle.api.Project;
import org.gradle.api.Task;
import org.gradle.api.artifacts.Dependency;
import org.gradle.api.tasks.VerificationException;
import org.gradle.testfixtures.ProjectBuilder;
import org.gradle.util.GradleVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Gradle plugin against the real Gradle API (8.11.1) through ProjectBuilder: applied to a
 * project, its task's actions executed as Gradle executes them, the reports and the verdict
 * checked. ProjectBuilder cannot start isolated workers (its class loader registry is flat), so
 * the executed tasks use {@code isolation = "none"}; everything else is the plugin as users get it.
 */
class VforklintPluginTest {

    @TempDir
    Path dir;

    private Project project(String source) throws Exception {
        if (source != null) {
            Path jni = Files.createDirectories(dir.resolve("src/main/jni"));
            Files.writeString(jni.resolve("spawn.c"), source);
        }
        Project project = ProjectBuilder.builder().withProjectDir(dir.toFile()).build();
        project.getPluginManager().apply("io.github.vforklint");
        return project;
    }

    private static VforklintTask nativeTask(Project project) {
        VforklintTask task = (VforklintTask) project.getTasks().getByName("vforklintNative");
        task.getIsolation().set("none");
        return task;
    }

    private Path report(String name) {
        return dir.resolve("build/reports/vforklint/" + name);
    }

    @Test
    void registersTheNativeTaskIntoCheckWithItsConventions() throws Exception {
        Project project = project(PluginFixtures.BAD);
        VforklintTask task = (VforklintTask) project.getTasks().getByName("vforklintNative");
        Task check = project.getTasks().getByName("check");
        assertTrue(check.getTaskDependencies().getDependencies(check).contains(task));
        assertTrue(project.getPluginManager().hasPlugin("io.github.vforklint-base"));

        VforklintExtension extension = project.getExtensions().getByType(VforklintExtension.class);
        assertFalse(extension.getIgnoreFailures().get());
        assertEquals("classloader", task.getIsolation().get(), "the analysis runs in a classloader of its own by default");
        assertEquals(dir.resolve("build/reports/vforklint").toFile(), extension.getReportsDirectory().get().getAsFile());

        assertTrue(task.getReports().getSarif().getRequired().get());
        assertFalse(task.getReports().getXml().getRequired().get());
        assertFalse(task.getReports().getText().getRequired().get());
        assertFalse(task.getReports().getGitlab().getRequired().get());
        assertEquals(report("vforklintNative.sarif").toFile(),
                task.getReports().getSarif().getOutputLocation().get().getAsFile());
        assertEquals(report("vforklintNative.xml").toFile(), task.getReports().getXml().getOutputLocation().get().getAsFile());

        // declared inputs and outputs: what up-to-date checks and the build cache go by (the tool
        // classpath is an input too; ProjectBuilder has no repository to resolve it from)
        Dependency tool = project.getConfigurations().getByName("vforklint").getIncoming().getDependencies().iterator().next();
        task.getVforklintClasspath().setFrom();
        assertEquals(Set.of(dir.resolve("src/main/jni/spawn.c").toFile()), task.getSource().getFiles());
        assertTrue(task.getInputs().getFiles().getFiles().contains(dir.resolve("src/main/jni/spawn.c").toFile()));
        assertTrue(task.getOutputs().getFiles().getFiles().contains(report("vforklintNative.sarif").toFile()),
                task.getOutputs().getFiles().getFiles().toString());
        assertTrue(task.getOutputs().getHasOutput());

        // the tool classpath defaults to this very version of vforklint
        assertEquals("io.github.vforklint:vforklint:" + Version.current(),
                tool.getGroup() + ":" + tool.getName() + ":" + tool.getVersion());
    }

    @Test
    void aFindingFailsTheTaskAndEveryRequiredReportHoldsIt() throws Exception {
        Project project = project(PluginFixtures.BAD);
        VforklintTask task = nativeTask(project);
        task.getReports().getXml().getRequired().set(true);
        task.getReports().getText().getRequired().set(true);
        task.getReports().getGitlab().getRequired().set(true);
        VerificationException e = assertThrows(VerificationException.class, () -> TaskExecution.execute(project, task));
        assertTrue(e.getMessage().startsWith("vforklint found problems: 1 problem (1 error, 0 warnings, 0 notes)"),
                e.getMessage());

        JsonNode sarif = new ObjectMapper().readTree(report("vforklintNative.sarif").toFile());
        JsonNode result = sarif.path("runs").get(0).path("results").get(0);
        assertEquals(1, sarif.path("runs").get(0).path("results").size());
        assertEquals("VFK101", result.path("ruleId").asText());
        assertEquals(7, result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());
        assertTrue(Files.readString(report("vforklintNative.xml")).contains("source=\"vforklint.VFK101\""));
        assertTrue(Files.readString(report("vforklintNative.txt")).contains("src/main/jni/spawn.c:7:9: error: printf()"));
        JsonNode gitlab = new ObjectMapper().readTree(report("vforklintNative.gitlab.json").toFile());
        assertEquals(result.path("partialFingerprints").path("vforklint/v1").asText(), gitlab.get(0).path("fingerprint").asText());
    }

    @Test
    void ignoreFailuresAndFailOnSeverityOnTheExtensionLetTheBuildPass() throws Exception {
        Project project = project(PluginFixtures.BAD);
        // the task first, as Groovy's eager tasks.withType(VforklintTask) { } creates it, then the extension
        VforklintTask task = nativeTask(project);
        assertFalse(task.getIgnoreFailures());
        project.getExtensions().getByType(VforklintExtension.class).getIgnoreFailures().set(true);
        assertTrue(task.getIgnoreFailures(), "the extension's value, however early the task was created");
        assertDoesNotThrow(() -> TaskExecution.execute(project, task));
        assertEquals(1, new ObjectMapper().readTree(report("vforklintNative.sarif").toFile())
                .path("runs").get(0).path("results").size());

        Project other = ProjectBuilder.builder().withProjectDir(dir.toFile()).build();
        other.getPluginManager().apply("io.github.vforklint");
        other.getExtensions().getByType(VforklintExtension.class).getFailOnSeverity().set("never");
        assertDoesNotThrow(() -> TaskExecution.execute(other, nativeTask(other)));
    }

    @Test
    void aBaselineOfTheFindingLetsTheBuildPassAndACleanProjectPasses() throws Exception {
        Project project = project(PluginFixtures.BAD);
        Path baseline = dir.resolve("vforklint-baseline.json");
        Check.prepare(new BuildOptions(dir, dir, RuleCatalogue.load()).paths(List.of(dir.resolve("src/main/jni")))
                .discoverConfig(false).writeBaseline(baseline).toRequest()).run();
        project.getExtensions().getByType(VforklintExtension.class).getBaselineFile().set(baseline.toFile());
        VforklintTask task = nativeTask(project);
        assertEquals(baseline.toFile(), task.getBaselineFile().get().getAsFile());
        assertDoesNotThrow(() -> TaskExecution.execute(project, task));
        assertEquals(0, new ObjectMapper().readTree(report("vforklintNative.sarif").toFile())
                .path("runs").get(0).path("results").size());

        Files.writeString(dir.resolve("src/main/jni/spawn.c"), PluginFixtures.GOOD);
        Project clean = ProjectBuilder.builder().withProjectDir(dir.toFile()).build();
        clean.getPluginManager().apply("io.github.vforklint");
        assertDoesNotThrow(() -> TaskExecution.execute(clean, nativeTask(clean)));
    }

    @Test
    void jniCodeParsesWithTheJdksHeadersWhichAreInputs() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(javaHome.resolve("include/jni.h")),
                "this JVM has no include/jni.h (a JRE)");
        Project project = project(PluginFixtures.JNI);
        VforklintTask task = nativeTask(project);
        task.getReports().getText().getRequired().set(true);
        assertTrue(task.getJdkIncludeDirectories().getFiles().contains(javaHome.resolve("include").toFile()));
        assertTrue(task.getIncludeDirectories().isEmpty(), "includeDirectories is the user's own");
        task.getVforklintClasspath().setFrom();
        assertTrue(task.getInputs().getFiles().getFiles().contains(javaHome.resolve("include").toFile()),
                "a folder input, hashed with its files: a JDK with other headers makes the task run again");
        VerificationException e = assertThrows(VerificationException.class, () -> TaskExecution.execute(project, task));
        assertEquals("vforklint found problems: 1 problem (1 error, 0 warnings, 0 notes) in 1 file, 1 vfork site; see "
                + report("vforklintNative.sarif").toFile(), e.getMessage());
        assertFalse(Files.readString(report("vforklintNative.txt")).contains("read from the JDK running vforklint"),
                "named, the headers need no note");

        // with the JDK's folders cleared, the C front end reads the running JDK's headers itself, and says so
        Project without = ProjectBuilder.builder().withProjectDir(dir.toFile()).build();
        without.getPluginManager().apply("io.github.vforklint");
        VforklintTask bare = nativeTask(without);
        bare.getReports().getText().getRequired().set(true);
        bare.getJdkIncludeDirectories().setFrom();
        VerificationException fallback = assertThrows(VerificationException.class, () -> TaskExecution.execute(without, bare));
        assertFalse(fallback.getMessage().contains("not fully analysed"), fallback.getMessage());
        assertTrue(Files.readString(report("vforklintNative.txt")).contains(
                "src/main/jni/spawn.c: note: <jni.h> and <jni_md.h> are read from the JDK running vforklint"));
    }

    @Test
    void aJniHeaderInTheIncludeDirectoriesComesBeforeTheJdks() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isRegularFile(Path.of(System.getProperty("java.home"), "include/jni.h")), "a JRE has no jni.h");
        Project project = project(PluginFixtures.JNI);
        // a jni.h whose JNIEXPORT no reader could make sense of: read instead of the JDK's, the
        // JNI function does not parse (an unknown JNIEXPORT would be read through as an attribute)
        Path own = Files.createDirectories(dir.resolve("headers"));
        Files.writeString(own.resolve("jni.h"), "/* not the JDK's */\n#define JNIEXPORT )\n");
        VforklintTask task = nativeTask(project);
        task.getIncludeDirectories().from(own.toFile());
        VerificationException e = assertThrows(VerificationException.class, () -> TaskExecution.execute(project, task));
        assertTrue(e.getMessage().contains("not fully analysed"), e.getMessage());
    }

    @Test
    void anIncompleteAnalysisFailsTheBuildOnlyWithFailOnIncomplete() throws Exception {
        // JNI code whose jni.h makes JNIEXPORT unreadable: the file is not fully analysed
        Project project = project("#include <jni.h>\n" + PluginFixtures.GOOD
                + "JNIEXPORT jint JNICALL Java_demo_Spawner_nothing(JNIEnv *env, jclass cls)\n{\n    return 0;\n}\n");
        Path own = Files.createDirectories(dir.resolve("headers"));
        Files.writeString(own.resolve("jni.h"), "#define JNIEXPORT )\n");
        VforklintTask task = nativeTask(project);
        task.getIncludeDirectories().from(own.toFile());
        task.getJdkIncludeDirectories().setFrom();
        assertDoesNotThrow(() -> TaskExecution.execute(project, task), "by default a warning");
        assertTrue(Files.isRegularFile(report("vforklintNative.sarif")));

        task.getFailOnIncomplete().set(true);
        VerificationException e = assertThrows(VerificationException.class, () -> TaskExecution.execute(project, task));
        assertTrue(e.getMessage().startsWith("vforklint found problems: no problems found (1 file, 1 vfork site); 1 file not"
                + " fully analysed"), e.getMessage());
    }

    @Test
    void theConfigurationSettingsComeFromTheExtensionAndTheTasksOwnWin() throws Exception {
        // vfork only where NOMMU is defined: found in another configuration by default
        Project project = project(PluginFixtures.NOMMU);
        VforklintExtension extension = project.getExtensions().getByType(VforklintExtension.class);
        VforklintTask task = nativeTask(project);
        task.getReports().getText().getRequired().set(true);
        assertThrows(VerificationException.class, () -> TaskExecution.execute(project, task));
        assertTrue(Files.readString(report("vforklintNative.txt")).contains("only in the configuration where NOMMU is defined"));

        extension.getMaxConfigs().set(0);
        assertEquals(0, task.getMaxConfigs().get());
        assertDoesNotThrow(() -> TaskExecution.execute(project, task), "the default configuration only");

        extension.getMaxConfigs().set(12);
        task.getDefines().add("OTHER");
        assertDoesNotThrow(() -> TaskExecution.execute(project, task), "a pinned configuration is the one analysed");
        extension.getExploreConfigs().set(true);
        assertThrows(VerificationException.class, () -> TaskExecution.execute(project, task));
        task.getExploreConfigs().set(false);
        assertDoesNotThrow(() -> TaskExecution.execute(project, task), "the task's own setting wins");

        extension.getFileTimeout().set(0);
        GradleException e = assertThrows(GradleException.class, () -> TaskExecution.execute(project, task));
        assertEquals("vforklint: fileTimeout must be between 1 and 86400 seconds", e.getMessage());
    }

    @Test
    void aBadOptionIsAClearBuildFailure() throws Exception {
        Project project = project(PluginFixtures.BAD);
        project.getExtensions().getByType(VforklintExtension.class).getSeverities().add("VFK999=note");
        GradleException e = assertThrows(GradleException.class, () -> TaskExecution.execute(project, nativeTask(project)));
        assertEquals("vforklint: severities: unknown rule 'VFK999'", e.getMessage());
    }

    @Test
    void aProjectWithoutCSourcesScansNothing() throws Exception {
        Project project = project(null);
        VforklintTask task = nativeTask(project);
        assertTrue(task.getSource().isEmpty());
        assertDoesNotThrow(() -> TaskExecution.execute(project, task));
        assertFalse(Files.exists(report("vforklintNative.sarif")));
    }

    @Test
    void maxHeapSizeIsSetOnTheExtensionAndOverriddenOnTheTask() throws Exception {
        Project project = project(PluginFixtures.BAD);
        VforklintExtension extension = project.getExtensions().getByType(VforklintExtension.class);
        extension.getMaxHeapSize().set("1g");
        extension.getIsolation().set("process");
        VforklintTask task = (VforklintTask) project.getTasks().getByName("vforklintNative");
        assertEquals("1g", task.getMaxHeapSize().get());
        assertEquals("process", task.getIsolation().get());
        task.getMaxHeapSize().set("2g");
        assertEquals("2g", task.getMaxHeapSize().get());
        assertEquals("1g", extension.getMaxHeapSize().get());
    }

    /** Java that starts processes with vfork: VFK301 on line 5. */
    private static final String VFORK_MAIN = """
            package demo;

            public final class App {
                public static void main(String[] args) throws Exception {
                    System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
                    new ProcessBuilder("true").start().waitFor();
                }
            }
            """;

    private Project javaProject() throws Exception {
        Files.createDirectories(dir.resolve("src/main/java/demo"));
        Files.writeString(dir.resolve("src/main/java/demo/App.java"), VFORK_MAIN);
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(dir.resolve("src/main/resources/start.sh"), "#!/bin/sh\nexec java -jar app.jar \"$@\"\n");
        Files.writeString(dir.resolve("src/main/resources/notes.txt"), "not read: no file of this name is\n");
        Files.createDirectories(dir.resolve("src/test/java/demo"));
        Files.writeString(dir.resolve("src/test/java/demo/AppTest.java"),
                "package demo;\nclass AppTest { void starts() throws Exception { new ProcessBuilder(\"true\").start(); } }\n");
        Project project = ProjectBuilder.builder().withProjectDir(dir.toFile()).build();
        project.getPluginManager().apply("java");
        project.getPluginManager().apply("io.github.vforklint");
        return project;
    }

    private static VforklintTask task(Project project, String name) {
        VforklintTask task = (VforklintTask) project.getTasks().getByName(name);
        task.getIsolation().set("none");
        return task;
    }

    @Test
    void eachSourceSetHasATaskOverItsSourcesWiredIntoCheck() throws Exception {
        Project project = javaProject();
        Task check = project.getTasks().getByName("check");
        for (String name : List.of("vforklintMain", "vforklintTest", "vforklintNative", "vforklintBuildScripts")) {
            assertTrue(check.getTaskDependencies().getDependencies(check).contains(project.getTasks().getByName(name)), name);
        }
        VforklintTask main = task(project, "vforklintMain");
        // the files vforklint reads, by the front ends' own rule: Java sources, and a script among the resources
        assertEquals(Set.of(dir.resolve("src/main/java/demo/App.java").toFile(), dir.resolve("src/main/resources/start.sh").toFile()),
                main.getSource().getFiles());
        assertEquals(Set.of(dir.resolve("src/test/java/demo/AppTest.java").toFile()),
                task(project, "vforklintTest").getSource().getFiles());

        VerificationException e = assertThrows(VerificationException.class, () -> TaskExecution.execute(project, main));
        assertTrue(e.getMessage().startsWith("vforklint found problems: 1 problem (1 error, 0 warnings, 0 notes) in 2 files"),
                e.getMessage());
        JsonNode run = new ObjectMapper().readTree(report("vforklintMain.sarif").toFile()).path("runs").get(0);
        JsonNode result = run.path("results").get(0);
        assertEquals("VFK301", result.path("ruleId").asText());
        assertEquals("src/main/java/demo/App.java", result.path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText());
        assertEquals(5, result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());
        // each task's report is in a category of its own: uploading them all replaces nothing
        assertEquals("vforklint/main/", run.path("automationDetails").path("id").asText());

        assertDoesNotThrow(() -> TaskExecution.execute(project, task(project, "vforklintTest")));
        assertEquals("vforklint/test/", new ObjectMapper().readTree(report("vforklintTest.sarif").toFile())
                .path("runs").get(0).path("automationDetails").path("id").asText());
    }

    @Test
    void theBuildScriptsTaskChecksTheFilesWhereTheBuildsJvmsGetOptions() throws Exception {
        Files.writeString(dir.resolve("gradle.properties"),
                "org.gradle.jvmargs=-Xmx1g -Djdk.lang.Process.launchMechanism=VFORK\n");
        Files.writeString(dir.resolve("build.gradle"), "plugins { id 'java' }\n");
        Files.writeString(dir.resolve("README.md"), "launchMechanism=VFORK in prose is not read\n");
        Project project = javaProject();
        VforklintTask scripts = task(project, "vforklintBuildScripts");
        assertEquals(Set.of(dir.resolve("gradle.properties").toFile(), dir.resolve("build.gradle").toFile()),
                scripts.getSource().getFiles(), "the project's top files that vforklint reads, not its sources");
        VerificationException e = assertThrows(VerificationException.class, () -> TaskExecution.execute(project, scripts));
        assertTrue(e.getMessage().startsWith("vforklint found problems: 1 problem (1 error, 0 warnings, 0 notes) in 2 files"),
                e.getMessage());
        JsonNode result = new ObjectMapper().readTree(report("vforklintBuildScripts.sarif").toFile())
                .path("runs").get(0).path("results").get(0);
        assertEquals("VFK301", result.path("ruleId").asText());
        assertEquals("gradle.properties", result.path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText());
    }

    @Test
    void theOptionsAreTaskInputsAndTheCategoryFollowsTheExtension() throws Exception {
        Project project = javaProject();
        VforklintExtension extension = project.getExtensions().getByType(VforklintExtension.class);
        extension.getSarifCategory().set("java/");
        VforklintTask main = task(project, "vforklintMain");
        main.getSeverities().add("VFK301=warning");
        main.getVforklintClasspath().setFrom();
        Map<String, Object> inputs = main.getInputs().getProperties();
        assertEquals("java/main", inputs.get("sarifCategory"));
        assertEquals(List.of("VFK301=warning"), inputs.get("severities"));
        assertTrue(inputs.containsKey("failOnIncomplete"), inputs.keySet().toString());
        extension.getMaxConfigs().set(3);
        main.getFileTimeout().set(5);
        inputs = main.getInputs().getProperties();
        assertEquals(3, inputs.get("maxConfigs"));
        assertEquals(5, inputs.get("fileTimeout"));
        assertTrue(inputs.containsKey("exploreConfigs"), "an unset optional input is still declared");
        assertFalse(inputs.containsKey("jobs"), "the result is the same for any -j: not an input");
        Path config = dir.resolve(".vforklint.yml");
        Files.writeString(config, "fail-on: error\n");
        main.getConfigFile().set(config.toFile());
        assertTrue(main.getInputs().getFiles().getFiles().contains(config.toFile()));

        assertEquals("vforklint/main", VforklintBasePlugin.sarifCategory("vforklint", ":", "vforklintMain"));
        assertEquals("vforklint/app/jni/native", VforklintBasePlugin.sarifCategory("vforklint/", ":app:jni", "vforklintNative"));
        assertEquals("ci/lintJni", VforklintBasePlugin.sarifCategory("ci", ":", "lintJni"));
        // Gradle 8 still takes (with a deprecation warning) a project name with a space, which a category cannot hold
        assertEquals("vforklint/my_app/native", VforklintBasePlugin.sarifCategory("vforklint", ":my app", "vforklintNative"));
        for (String empty : List.of("", "/")) {
            assertThrows(IllegalArgumentException.class, () -> VforklintBasePlugin.sarifCategory(empty, ":", "vforklintMain"),
                    "prefix '" + empty + "'");
        }
    }

    @Test
    void olderGradleVersionsAreRefusedWithAClearMessage() {
        GradleException e = assertThrows(GradleException.class,
                () -> VforklintBasePlugin.requireSupportedGradle(GradleVersion.version("8.4")));
        assertTrue(e.getMessage().startsWith("The vforklint plugin needs Gradle 8.5 or later; this build runs 8.4."),
                e.getMessage());
        assertDoesNotThrow(() -> VforklintBasePlugin.requireSupportedGradle(GradleVersion.version("8.5")));
        assertDoesNotThrow(() -> VforklintBasePlugin.requireSupportedGradle(GradleVersion.version("8.5-rc-1")));
        assertDoesNotThrow(() -> VforklintBasePlugin.requireSupportedGradle(GradleVersion.current()));
    }

}
