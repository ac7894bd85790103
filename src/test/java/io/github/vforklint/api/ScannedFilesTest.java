package io.github.vforklint.api;

import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files a check reads, by name, as the Gradle plugin declares its inputs: the same a scan reads. */
class ScannedFilesTest {

    @TempDir
    Path tree;

    private static final List<String> READ = List.of("native/spawn.c", "native/spawn.h", "src/main/java/demo/App.java",
            "src/main/kotlin/demo/App.kt", "pom.xml", ".mvn/jvm.config", ".mvn/maven.config", "gradle.properties",
            "build.gradle", "settings.gradle.kts", "Jenkinsfile", "Dockerfile", "docker/app.Dockerfile", "Containerfile",
            "bin/start.sh", ".github/workflows/ci.yml", "deploy/app.yaml", "deploy/app.service");
    private static final List<String> NOT_READ = List.of("README.md", "native/spawn.cpp", "Makefile", "jvm.config",
            "src/main/resources/app.properties", "notes.txt", "build.gradle.bak");

    @Test
    void aScanReadsExactlyTheFilesNamedSo() throws Exception {
        for (String name : READ) {
            assertTrue(ScannedFiles.read(tree.resolve(name)), name);
        }
        for (String name : NOT_READ) {
            assertFalse(ScannedFiles.read(tree.resolve(name)), name);
        }
        for (String name : concat()) {
            Path file = tree.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "nothing to find here\n");
        }
        CheckResult result = Check.prepare(new BuildOptions(tree, tree, RuleCatalogue.load()).paths(List.of(tree))
                .discoverConfig(false).toRequest()).run();
        assertEquals(READ.size(), result.result().filesScanned(), "a scan of the folder reads the files named so, and no other");
    }

    private static List<String> concat() {
        return java.util.stream.Stream.concat(READ.stream(), NOT_READ.stream()).toList();
    }
}
