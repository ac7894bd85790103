package io.github.vforklint.frontend.java;

import java.nio.file.Path;
import java.util.Optional;

/** The kinds of file where a JVM gets its options, or Java code forks, judged by name and folder. */
enum JvmFileKind {
    JAVA, KOTLIN, POM, MAVEN_OPTIONS, GRADLE_PROPERTIES, GRADLE_SCRIPT, DOCKERFILE, SHELL, YAML, SYSTEMD;

    static Optional<JvmFileKind> of(Path file) {
        String name = io.github.vforklint.source.SourceFile.nameOf(file);
        if (name.endsWith(".java")) {
            return Optional.of(JAVA);
        }
        if (name.endsWith(".kt")) {
            return Optional.of(KOTLIN);
        }
        if (name.equals("pom.xml")) {
            return Optional.of(POM);
        }
        if ((name.equals("jvm.config") || name.equals("maven.config")) && inMavenFolder(file)) {
            return Optional.of(MAVEN_OPTIONS);
        }
        if (name.equals("gradle.properties")) {
            return Optional.of(GRADLE_PROPERTIES);
        }
        if (name.endsWith(".gradle") || name.endsWith(".gradle.kts") || name.equals("Jenkinsfile")) {
            return Optional.of(GRADLE_SCRIPT);
        }
        if (name.equals("Dockerfile") || name.startsWith("Dockerfile.") || name.endsWith(".Dockerfile")
                || name.endsWith(".dockerfile") || name.equals("Containerfile")) {
            return Optional.of(DOCKERFILE);
        }
        if (name.endsWith(".sh") || name.endsWith(".bash") || name.endsWith(".ksh") || name.endsWith(".zsh")) {
            return Optional.of(SHELL);
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return Optional.of(YAML);
        }
        if (name.endsWith(".service")) {
            return Optional.of(SYSTEMD);
        }
        return Optional.empty();
    }

    private static boolean inMavenFolder(Path file) {
        Path parent = file.getParent();
        return parent != null && String.valueOf(parent.getFileName()).equals(".mvn");
    }
}
