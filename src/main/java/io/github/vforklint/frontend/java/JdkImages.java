package io.github.vforklint.frontend.java;

import io.github.vforklint.analysis.jvm.TargetJdk;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK inside a container image, read from its name and tag the way the image publishers spell
 * them: {@code eclipse-temurin:21-jre}, {@code openjdk:8-jdk}, {@code gradle:8.4-jdk17},
 * {@code maven:3.9-eclipse-temurin-21}, {@code amazoncorretto:17}. Unknown images give nothing.
 */
final class JdkImages {

    /** Images whose tag starts with the JDK's feature release. */
    private static final Set<String> JDK_IMAGES = Set.of("openjdk", "eclipse-temurin", "amazoncorretto",
            "zulu-openjdk", "sapmachine", "ibm-semeru-runtimes", "ibmjava", "adoptopenjdk", "jdk", "jre",
            "liberica-openjdk-debian", "liberica-openjdk-alpine", "liberica-openjre-debian", "liberica-openjdk-alpine-musl",
            "graalvm-ce", "native-image", "java");
    /** A JDK named inside a tag of another tool's image: gradle:8.4-jdk17, maven:3.9-eclipse-temurin-21. */
    private static final Pattern NAMED_IN_TAG = Pattern.compile(
            "(?:jdk|jre|java|temurin|corretto|zulu|openjdk|sapmachine|semeru|liberica|graalvm)-?(\\d+)(?![\\d.])");
    private static final Pattern LEADING = Pattern.compile("^(?:1\\.)?(\\d+)");

    private JdkImages() {
    }

    static TargetJdk of(String image) {
        String ref = image.toLowerCase(Locale.ROOT);
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int colon = ref.lastIndexOf(':');
        if (colon < 0 || colon < ref.lastIndexOf('/')) {
            return null;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1, colon);
        String tag = ref.substring(colon + 1);
        Matcher named = NAMED_IN_TAG.matcher(tag);
        if (named.find()) {
            return jdk(named.group(1), image);
        }
        if (JDK_IMAGES.contains(name)) {
            Matcher leading = LEADING.matcher(tag);
            if (leading.find()) {
                return jdk(leading.group(1), image);
            }
        }
        return null;
    }

    /** A JDK installed where its directory says which: /usr/lib/jvm/java-17-openjdk-amd64, /opt/jdk-21.0.2. */
    static TargetJdk fromHome(String home, String source) {
        Matcher named = NAMED_IN_TAG.matcher(home.toLowerCase(Locale.ROOT));
        if (!named.find()) {
            return null;
        }
        int n = Integer.parseInt(named.group(1));
        return n >= 6 && n < 100 ? new TargetJdk(n, source, false, true) : null;
    }

    private static TargetJdk jdk(String feature, String image) {
        int n = Integer.parseInt(feature);
        return n >= 6 && n < 100 ? new TargetJdk(n, "the base image " + image, false, true) : null;
    }
}
