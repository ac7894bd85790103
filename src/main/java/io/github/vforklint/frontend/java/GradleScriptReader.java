package io.github.vforklint.frontend.java;

import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;
import io.github.vforklint.analysis.jvm.TargetJdk;
import io.github.vforklint.finding.Location;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gradle build scripts, Groovy or Kotlin (and Kotlin sources, where only the same key/value and
 * argument-list forms are read), as tokens: a string literal that is a JVM argument
 * list holding the option ({@code jvmArgs}, {@code applicationDefaultJvmArgs}, Compose's
 * {@code jvmArgs}, a launcher's argument list), and the property's name as a string followed by a
 * value ({@code systemProperty "k", "v"}, {@code systemProperties["k"] = "v"},
 * {@code "k" to "v"}, {@code System.setProperty("k", "v")}). The same tokens give the JDK the
 * script builds for: a toolchain, a release, a target compatibility.
 */
final class GradleScriptReader {

    private static final Set<String> BETWEEN_KEY_AND_VALUE = Set.of(",", ":", ")", "]", "=", "to");
    private static final Set<String> LIST_WORDS = Set.of("listOf", "mutableListOf", "arrayOf", "setOf", "add", "addAll",
            "plus", "of", "asList");
    private static final Pattern JAVA_VERSION = Pattern.compile("VERSION_(?:1_)?(\\d+)");

    private GradleScriptReader() {
    }

    /**
     * @param buildScript a Gradle script, which runs inside the Gradle daemon (so its System.setProperty comes
     *                    late); false for Kotlin sources, whose setProperty calls are taken as early
     */
    static void read(JvmFile file, Observed out, TargetJdk jdk, boolean buildScript) {
        List<ScriptTokens.Token> tokens = ScriptTokens.of(file.chars());
        for (int i = 0; i < tokens.size(); i++) {
            ScriptTokens.Token t = tokens.get(i);
            if (t.kind() != ScriptTokens.Kind.STRING) {
                continue;
            }
            if (LaunchOption.isProperty(t.text())) {
                keyValue(file, out, tokens, i, jdk, buildScript);
            } else if (t.text().contains(LaunchOption.PROPERTY)) {
                options(file, out, tokens, i, jdk);
            }
        }
    }

    private static void options(JvmFile file, Observed out, List<ScriptTokens.Token> tokens, int i, TargetJdk jdk) {
        ScriptTokens.Token t = tokens.get(i);
        List<LaunchOption.Hit> hits = LaunchOption.in(t.text());
        if (hits.isEmpty() || !LaunchOption.isArgumentList(t.text())) {
            return;
        }
        String via = caller(tokens, i) + " in " + file.fileName();
        int cursor = t.start();
        for (LaunchOption.Hit hit : hits) {
            JvmFile.Found next = file.next(cursor, hit.option());
            Location at = next.at();
            cursor = next.after();
            if (t.interpolated() && hit.value().contains("$")) {
                out.unjudged(at, "a string template in " + file.fileName());
            } else {
                out.setting(at, hit.value(), via, jdk, false);
            }
        }
    }

    private static void keyValue(JvmFile file, Observed out, List<ScriptTokens.Token> tokens, int i, TargetJdk jdk,
                                 boolean buildScript) {
        int j = i + 1;
        while (j < tokens.size() && j <= i + 2 && BETWEEN_KEY_AND_VALUE.contains(tokens.get(j).text())
                && tokens.get(j).kind() != ScriptTokens.Kind.STRING) {
            j++;
        }
        if (j == i + 1 || j >= tokens.size()) {
            return; // a mention (getProperty("k"), a message), not a setting
        }
        ScriptTokens.Token value = tokens.get(j);
        boolean setProperty = i >= 4 && tokens.get(i - 1).is("(") && tokens.get(i - 2).is("setProperty")
                && tokens.get(i - 3).is(".") && tokens.get(i - 4).is("System");
        String via = (setProperty ? "System.setProperty" : caller(tokens, i)) + " in " + file.fileName();
        if (value.kind() != ScriptTokens.Kind.STRING || value.interpolated()) {
            out.unjudged(file.span(value.start(), value.start() + Math.max(1, value.text().length())),
                    "an expression in " + file.fileName());
            return;
        }
        Location at = file.span(value.start() + quoteLength(file, value), value.start() + quoteLength(file, value)
                + value.text().length());
        if (setProperty && buildScript) {
            out.setting(new LaunchMechanismSetting(at, value.text(), via, jdk, false, LaunchMechanismSetting.Effect.LATE,
                    "a build script runs inside the Gradle daemon, which may have started processes already "
                            + "(in this build or an earlier one)"));
        } else {
            out.setting(at, value.text(), via, jdk, false);
        }
    }

    private static int quoteLength(JvmFile file, ScriptTokens.Token string) {
        String s = file.chars();
        char q = s.charAt(string.start());
        return s.startsWith(String.valueOf(q).repeat(3), string.start()) ? 3 : 1;
    }

    /** The nearest name the literal is passed to or assigned to: jvmArgs, systemProperty, args. */
    private static String caller(List<ScriptTokens.Token> tokens, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 12; k--) {
            ScriptTokens.Token t = tokens.get(k);
            if (t.is(";") || t.is("{") || t.is("}")) {
                break;
            }
            if (t.kind() == ScriptTokens.Kind.IDENT && !LIST_WORDS.contains(t.text())) {
                return t.text();
            }
        }
        return "a string";
    }

    /** The JDK the script builds for, when it says: toolchain first, then release, then target. */
    static TargetJdk jdk(JvmFile file) {
        List<ScriptTokens.Token> tokens = ScriptTokens.of(file.chars());
        Integer toolchain = null;
        Integer release = null;
        Integer target = null;
        for (int i = 0; i < tokens.size(); i++) {
            ScriptTokens.Token t = tokens.get(i);
            if (t.kind() != ScriptTokens.Kind.IDENT) {
                continue;
            }
            switch (t.text()) {
                case "languageVersion", "jvmToolchain" -> toolchain = first(toolchain, versionAfter(tokens, i));
                case "release" -> release = first(release, versionAfter(tokens, i));
                case "targetCompatibility", "jvmTarget" -> target = first(target, versionAfter(tokens, i));
                case "sourceCompatibility" -> target = target != null ? target : versionAfter(tokens, i);
                default -> {
                }
            }
        }
        if (toolchain != null) {
            return new TargetJdk(toolchain, "the Java toolchain in " + file.fileName(), false);
        }
        if (release != null) {
            return new TargetJdk(release, "release in " + file.fileName(), true);
        }
        return target == null ? null : new TargetJdk(target, "the target compatibility in " + file.fileName(), true);
    }

    private static Integer first(Integer current, Integer found) {
        return current != null ? current : found;
    }

    private static Integer versionAfter(List<ScriptTokens.Token> tokens, int i) {
        for (int k = i + 1; k < tokens.size() && k <= i + 8; k++) {
            ScriptTokens.Token t = tokens.get(k);
            if (t.is(";") || t.is("}") || t.is("{")) {
                return null;
            }
            if (t.kind() == ScriptTokens.Kind.NUMBER || t.kind() == ScriptTokens.Kind.STRING) {
                int v = YamlReader.feature(t.text());
                return v > 0 ? v : null;
            }
            Matcher m = JAVA_VERSION.matcher(t.text());
            if (t.kind() == ScriptTokens.Kind.IDENT && m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }
}
