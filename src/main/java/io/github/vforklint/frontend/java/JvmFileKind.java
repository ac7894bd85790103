package io.github.vforklint.frontend.java;

import java.nio.file.Path;
import java.util.Optional;

/** The kinds of file where a JVM gets its options, or Java code forks, judged by name and folder. */
enum JvmFileKind {
    JAVA, KOTLIN, POM, MAVEN_OPTIONS, GRADLE_PROPERTIES, GRADLE_SCRIPT, DOCKERFILE, SHELL, YAML, SYSTEMD;

    static Optional<JvmFileKind> of(Path file) {
        // Read off the path's own string: this runs several times for every file of the tree, and
        // cutting the name out of the path each time made a new string.
        Name name = new Name(file.toString());
        if (name.endsWith(".java")) {
            return Optional.of(JAVA);
        }
        if (name.endsWith(".kt")) {
            return Optional.of(KOTLIN);
        }
        if (name.is("pom.xml")) {
            return Optional.of(POM);
        }
        if ((name.is("jvm.config") || name.is("maven.config")) && inMavenFolder(file)) {
            return Optional.of(MAVEN_OPTIONS);
        }
        if (name.is("gradle.properties")) {
            return Optional.of(GRADLE_PROPERTIES);
        }
        if (name.endsWith(".gradle") || name.endsWith(".gradle.kts") || name.is("Jenkinsfile")) {
            return Optional.of(GRADLE_SCRIPT);
        }
        if (name.is("Dockerfile") || name.startsWith("Dockerfile.") || name.endsWith(".Dockerfile")
                || name.endsWith(".dockerfile") || name.is("Containerfile")) {
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

    /**
     * The last part of a path, tested where it stands in the path's string. A suffix without a
     * separator that ends the path ends its name.
     */
    private record Name(String path, int start) {
        Name(String path) {
            this(path, io.github.vforklint.source.SourceFile.nameStart(path));
        }

        boolean endsWith(String suffix) {
            return path.endsWith(suffix);
        }

        boolean is(String name) {
            return path.length() - start == name.length() && path.startsWith(name, start);
        }

        boolean startsWith(String prefix) {
            return path.startsWith(prefix, start);
        }
    }

    private static boolean inMavenFolder(Path file) {
        Path parent = file.getParent();
        return parent != null && String.valueOf(parent.getFileName()).equals(".mvn");
    }
}
