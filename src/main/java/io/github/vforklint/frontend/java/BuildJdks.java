package io.github.vforklint.frontend.java;

import io.github.vforklint.analysis.jvm.TargetJdk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK a module's own JVMs meet (its code, its tests, the JVMs its build plugins start), from
 * the nearest build file above a file: a POM (with its parents by relative path and
 * {@code ${property}} interpolation) or a Gradle script. A toolchain names the JDK that runs the
 * code; a release or target names only the oldest one it can run on.
 */
final class BuildJdks {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final String[] BUILD_FILES = {"pom.xml", "build.gradle.kts", "build.gradle"};

    private final Path top;
    private final Function<Path, Optional<JvmFile>> files;
    private final Map<Path, Optional<TargetJdk>> byDirectory = new HashMap<>();
    private final Map<Path, PomReader.Model> poms = new HashMap<>();

    /**
     * @param top   directories above it are not looked at
     * @param files reads a file of the scanned tree, or nothing when the tree has no such file
     */
    BuildJdks(Path top, Function<Path, Optional<JvmFile>> files) {
        this.top = top;
        this.files = files;
    }

    /** The JDK for a file in {@code directory}, or null when no build file above it says. */
    TargetJdk forDirectory(Path directory) {
        Path dir = directory;
        while (dir != null && dir.startsWith(top)) {
            Optional<TargetJdk> known = byDirectory.get(dir);
            if (known == null) {
                known = Optional.ofNullable(fromBuildFileIn(dir));
                byDirectory.put(dir, known);
            }
            if (known.isPresent()) {
                return known.get();
            }
            dir = dir.getParent();
        }
        return null;
    }

    private TargetJdk fromBuildFileIn(Path dir) {
        for (String name : BUILD_FILES) {
            Optional<JvmFile> file = files.apply(dir.resolve(name));
            if (file.isPresent()) {
                return name.equals("pom.xml") ? fromPom(file.get()) : GradleScriptReader.jdk(file.get());
            }
        }
        return null;
    }

    PomReader.Model pom(JvmFile file) {
        return poms.computeIfAbsent(file.path(), p -> PomReader.read(file));
    }

    /** A POM's JDK, its properties merged with its parents' (nearest wins), as Maven interpolates them. */
    TargetJdk fromPom(JvmFile file) {
        Map<String, String> properties = new HashMap<>();
        String release = null;
        String target = null;
        String toolchain = null;
        JvmFile current = file;
        for (int depth = 0; current != null && depth < 10; depth++) {
            PomReader.Model model = pom(current);
            model.properties().forEach(properties::putIfAbsent);
            release = release != null ? release : model.release();
            target = target != null ? target : model.target();
            toolchain = toolchain != null ? toolchain : model.toolchain();
            String parent = model.parentPath() == null ? "../pom.xml" : model.parentPath();
            Path parentFile = current.path().getParent().resolve(parent).normalize();
            if (!parentFile.toString().endsWith(".xml")) {
                parentFile = parentFile.resolve("pom.xml");
            }
            current = parentFile.startsWith(top) ? files.apply(parentFile).orElse(null) : null;
        }
        String name = file.fileName();
        Integer v = version(toolchain, properties);
        if (v != null) {
            return new TargetJdk(v, "the JDK toolchain in " + name, false);
        }
        for (String[] candidate : new String[][]{{release, "the compiler's release in " + name},
                {properties.get("maven.compiler.release"), "maven.compiler.release in " + name},
                {target, "the compiler's target in " + name},
                {properties.get("maven.compiler.target"), "maven.compiler.target in " + name},
                {properties.get("java.version"), "java.version in " + name}}) {
            Integer feature = version(candidate[0], properties);
            if (feature != null) {
                return new TargetJdk(feature, candidate[1], true);
            }
        }
        return null;
    }

    private static Integer version(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String resolved = value;
        for (int i = 0; i < 5 && resolved.contains("${"); i++) {
            Matcher m = PLACEHOLDER.matcher(resolved);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), "")));
            }
            m.appendTail(sb);
            resolved = sb.toString();
        }
        // A toolchain range such as [17,) names its lowest JDK first.
        int v = YamlReader.feature(resolved.replaceAll("^[\\[(]", ""));
        return v > 0 ? v : null;
    }
}
