package io.github.vforklint.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.files.BoundedFiles;
import io.github.vforklint.files.InputFileException;
import io.github.vforklint.finding.Severity;
import io.github.vforklint.rules.Profile;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code .vforklint.yml}: the options of {@code vforklint check}, under the names of their
 * long flags. Relative paths and globs are relative to the file's directory. Anything it does not
 * know, or cannot use, is an error naming the file and line.
 */
public final class ConfigFile {

    public static final String NAME = ".vforklint.yml";

    /** Keys in the order --print-config shows them, with what each takes (for the unknown-key error). */
    static final List<String> KEYS = List.of("paths", "profile", "select", "ignore", "severity", "include", "exclude",
            "include-dirs", "defines", "undefines", "system-includes", "cc", "jobs", "fail-on", "baseline",
            "require-reason", "java-release");

    /**
     * Where the file came from, which decides whether it may name a program to run. A file found
     * in the scanned tree is written by whoever wrote the tree (a stranger's pull request, a
     * vendored project), so it may not: {@code cc} and {@code system-includes: true} make
     * vforklint run a compiler. A file the user named with {@code -c} is the user's own choice.
     */
    public enum Origin {
        /** Found by looking from the scan root upwards: may not run anything. */
        FOUND_IN_TREE,
        /** Named by the user ({@code -c FILE}, a build plugin's configuration): trusted like the command line. */
        NAMED_BY_USER
    }

    /** Keys that make vforklint run a program. */
    static final List<String> RUNS_PROGRAMS = List.of("cc", "system-includes");

    private final Path file;
    private final String shownName;
    private final Origin origin;
    private final Path dir;
    private final RuleCatalogue catalogue;
    private LocatedYaml yaml;

    private ConfigFile(Path file, String shownName, Origin origin, RuleCatalogue catalogue) {
        this.file = file.toAbsolutePath().normalize();
        this.shownName = shownName;
        this.origin = origin;
        this.dir = this.file.getParent();
        this.catalogue = catalogue;
    }

    /**
     * @param shownName how to name the file in errors (as the user would type it)
     * @throws ConfigException for a missing file, bad YAML, an unknown key or an unusable value
     */
    public static CheckConfig load(Path file, String shownName, Origin origin, RuleCatalogue catalogue)
            throws ConfigException {
        return new ConfigFile(file, shownName, origin, catalogue).read();
    }

    private CheckConfig read() throws ConfigException {
        String text;
        try {
            text = BoundedFiles.readString(file, BoundedFiles.CONFIG_LIMIT, "configuration file");
        } catch (NoSuchFileException e) {
            throw new ConfigException(shownName + ": no such configuration file");
        } catch (InputFileException e) {
            throw new ConfigException(e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(shownName + ": cannot read: " + e.getMessage());
        }
        try {
            yaml = LocatedYaml.parse(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new ConfigException(shownName + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(shownName + ": cannot read: " + e.getMessage());
        }
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            throw error("", "expected a mapping of option names to values, as in `profile: strict`");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw error("/" + key, "unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
        }
        if (origin == Origin.FOUND_IN_TREE) {
            refuseProgramsToRun();
        }
        return new CheckConfig(
                scalar("profile", v -> Profile.parse(v)),
                rules("select"), rules("ignore"), severities(),
                globs("include"), globs("exclude"),
                strings("include-dirs") == null ? null : strings("include-dirs").stream().map(dir::resolve).toList(),
                defines(), strings("undefines"),
                bool("system-includes"), scalar("cc", v -> v), jobs(),
                scalar("fail-on", FailOn::parse),
                scalar("baseline", v -> dir.resolve(v).normalize()),
                bool("require-reason"),
                strings("paths") == null ? null : strings("paths").stream().map(p -> dir.resolve(p).normalize()).toList(),
                javaRelease());
    }

    private Integer javaRelease() throws ConfigException {
        JsonNode node = yaml.root().get("java-release");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
            throw error("/java-release", "java-release: expected a Java release such as 17 or 21, not '" + node.asText() + "'");
        }
        return node.intValue();
    }

    private void refuseProgramsToRun() throws ConfigException {
        JsonNode cc = yaml.root().get("cc");
        JsonNode systemIncludes = yaml.root().get("system-includes");
        String key = cc != null && !cc.isNull() ? "cc"
                : systemIncludes != null && systemIncludes.asBoolean(false) ? "system-includes" : null;
        if (key != null) {
            throw error(pointer(key), key + ": a configuration file found in the scanned tree cannot make vforklint run a"
                    + " program (whoever wrote the tree would choose it); give --system-includes and --cc on the"
                    + " command line, or name this file with -c to trust it");
        }
    }

    private ConfigException error(String pointer, String message) {
        return new ConfigException(shownName + ":" + yaml.line(pointer) + ": " + message);
    }

    private static String pointer(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private <T> T scalar(String key, Function<String, T> convert) throws ConfigException {
        JsonNode node = yaml.root().get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw error(pointer(key), key + ": expected a single value, not a " + (node.isArray() ? "list" : "mapping"));
        }
        try {
            return convert.apply(node.asText());
        } catch (IllegalArgumentException e) {
            throw error(pointer(key), key + ": " + e.getMessage());
        }
    }

    private Boolean bool(String key) throws ConfigException {
        JsonNode node = yaml.root().get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw error(pointer(key), key + ": expected true or false, not '" + node.asText() + "'");
        }
        return node.booleanValue();
    }

    private Integer jobs() throws ConfigException {
        JsonNode node = yaml.root().get("jobs");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
            throw error("/jobs", "jobs: expected a whole number of at least 1, not '" + node.asText() + "'");
        }
        return node.intValue();
    }

    /** A list, or one value standing for a list of one (also "a, b" for rule lists). */
    private List<String> strings(String key) throws ConfigException {
        JsonNode node = yaml.root().get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (node.isValueNode()) {
            values.add(node.asText());
            return values;
        }
        if (!node.isArray()) {
            throw error(pointer(key), key + ": expected a list, as in `" + key + ": [a, b]`");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw error(pointer(key) + "/" + i, key + ": every item must be a single value");
            }
            values.add(item.asText());
        }
        return values;
    }

    private List<String> rules(String key) throws ConfigException {
        List<String> names = strings(key);
        if (names == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (String part : names.get(i).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String where = yaml.root().get(key).isArray() ? pointer(key) + "/" + i : pointer(key);
                ids.add(rule(part, where, key));
            }
        }
        return ids;
    }

    private String rule(String name, String pointer, String key) throws ConfigException {
        return catalogue.find(name).map(RuleDefinition::id).orElseThrow(() -> error(pointer,
                key + ": unknown rule '" + name.trim() + "' (see `vforklint rules`)"));
    }

    private Map<String, Severity> severities() throws ConfigException {
        JsonNode node = yaml.root().get("severity");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw error("/severity", "severity: expected a mapping of rules to levels, as in `severity: {VFK108: note}`");
        }
        Map<String, Severity> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "/severity" + pointer(e.getKey());
            String id = rule(e.getKey(), where, "severity");
            try {
                if (!e.getValue().isTextual()) {
                    throw new IllegalArgumentException("expected error, warning or note");
                }
                result.put(id, Severity.parse(e.getValue().asText()));
            } catch (IllegalArgumentException ex) {
                throw error(where, "severity of " + e.getKey() + ": " + ex.getMessage());
            }
        }
        return result;
    }

    private List<Glob> globs(String key) throws ConfigException {
        List<String> patterns = strings(key);
        if (patterns == null) {
            return null;
        }
        List<Glob> globs = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            try {
                globs.add(new Glob(dir, patterns.get(i)));
            } catch (IllegalArgumentException e) {
                throw error(pointer(key) + "/" + i, key + ": bad glob '" + patterns.get(i) + "': " + e.getMessage());
            }
        }
        return globs;
    }

    private Map<String, String> defines() throws ConfigException {
        JsonNode node = yaml.root().get("defines");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "/defines" + pointer(e.getKey());
                JsonNode value = e.getValue();
                if (!value.isValueNode()) {
                    throw error(where, "defines: the value of " + e.getKey() + " must be a single value");
                }
                String text = value.isNull() ? "1" : value.isBoolean() ? (value.booleanValue() ? "1" : "0") : value.asText();
                put(result, e.getKey(), text, where);
            }
            return result;
        }
        List<String> items = strings("defines");
        for (int i = 0; i < items.size(); i++) {
            String d = items.get(i);
            int eq = d.indexOf('=');
            put(result, eq < 0 ? d : d.substring(0, eq), eq < 0 ? "1" : d.substring(eq + 1),
                    node.isArray() ? "/defines/" + i : "/defines");
        }
        return result;
    }

    private void put(Map<String, String> defines, String name, String value, String where) throws ConfigException {
        if (!MacroNames.valid(name)) {
            throw error(where, "defines: not a macro name: '" + name + "'");
        }
        defines.put(name, value);
    }
}
