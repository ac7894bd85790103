package io.github.vforklint.analysis.jvm;

/**
 * The JDK feature release a setting will meet, as far as the build says.
 *
 * @param feature the feature release (8, 17, 21, 25...)
 * @param source  where it was read, for messages: "maven.compiler.release in pom.xml",
 *                "the base image eclipse-temurin:21-jre"
 * @param atLeast true when the build gives only the oldest JDK the code runs on (a release or
 *                target level), false when it names the JDK that runs it (a toolchain, an image)
 * @param linux   the JDK is known to run on Linux (a container image)
 */
public record TargetJdk(int feature, String source, boolean atLeast, boolean linux) {

    /** A JDK whose operating system the build does not say. */
    public TargetJdk(int feature, String source, boolean atLeast) {
        this(feature, source, atLeast, false);
    }

    /** "JDK 21 (the Java toolchain in build.gradle)" or "JDK 17 (the oldest the build targets: maven.compiler.release in pom.xml)". */
    public String describe() {
        return "JDK " + feature + " (" + (atLeast ? "the oldest the build targets: " : "") + source + ")";
    }
}
