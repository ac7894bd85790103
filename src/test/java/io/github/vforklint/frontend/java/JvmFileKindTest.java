package io.github.vforklint.frontend.java;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kinds are judged by a file's own name (and the folder for Maven's), never by a folder's. */
class JvmFileKindTest {

    private static Optional<JvmFileKind> kind(String path) {
        return JvmFileKind.of(Path.of(path));
    }

    @Test
    void namesAreMatchedWholeOrByTheirEnding() {
        assertEquals(Optional.of(JvmFileKind.POM), kind("/src/app/pom.xml"));
        assertEquals(Optional.of(JvmFileKind.POM), kind("pom.xml"));
        assertEquals(Optional.empty(), kind("/src/app/old-pom.xml"));
        assertEquals(Optional.of(JvmFileKind.JAVA), kind("/src/A.java"));
        assertEquals(Optional.of(JvmFileKind.GRADLE_SCRIPT), kind("/src/build.gradle.kts"));
        assertEquals(Optional.of(JvmFileKind.GRADLE_SCRIPT), kind("/src/Jenkinsfile"));
        assertEquals(Optional.empty(), kind("/src/Jenkinsfile.bak"));
        assertEquals(Optional.of(JvmFileKind.DOCKERFILE), kind("/src/Dockerfile"));
        assertEquals(Optional.of(JvmFileKind.DOCKERFILE), kind("/src/Dockerfile.dev"));
        assertEquals(Optional.of(JvmFileKind.DOCKERFILE), kind("/src/app.Dockerfile"));
        assertEquals(Optional.empty(), kind("/src/NotDockerfile"));
    }

    @Test
    void aFolderNamedLikeAKindDoesNotMakeItsFilesThatKind() {
        assertEquals(Optional.empty(), kind("/src/Dockerfile.d/run.c"));
        assertEquals(Optional.empty(), kind("/src/pom.xml/notes.txt"));
        assertEquals(Optional.empty(), kind("/src/A.java/b.h"));
    }

    @Test
    void mavenOptionsCountOnlyInTheMavenFolder() {
        assertEquals(Optional.of(JvmFileKind.MAVEN_OPTIONS), kind("/src/.mvn/jvm.config"));
        assertEquals(Optional.of(JvmFileKind.MAVEN_OPTIONS), kind("/src/.mvn/maven.config"));
        assertEquals(Optional.empty(), kind("/src/conf/jvm.config"));
    }
}
