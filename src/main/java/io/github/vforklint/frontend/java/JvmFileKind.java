package io.github.vforklint.frontend.java;

import java.nio.file.Path;
import java.util.Optional;

/** The kinds of file where a JVM gets its options, or Java code forks, judged by name and folder. */
enum JvmFileKind {
    JAVA, KOTLIN, POM, MAVEN_OPTIONS, GRADLE_PROPERTIES, GRADLE_SCRIPT, DOCKERFILE, SHELL, YAML, SYSTEMD;

    static Optional<JvmFileKind> of(Path file) {
        String name = String.valueOf(file.getFileName());
        Path parent = file.getParent();
        String folder = parent == null ? "" : String.valueOf(parent.getFileName());
        if (name.endsWith(".java")) {
            return Optional.of(JAVA);
        }
        if (name.endsWith(".kt")) {
            return Optional.of(KOTLIN);
        }
        if (name.equals("pom.xml")) {
            return Optional.of(POM);
        }
        if ((name.equals("jvm.config") || name.equals("maven.config")) && folder.equals(".mvn")) {
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
}
