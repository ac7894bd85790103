package io.github.vforklint.frontend.java;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.vforklint.analysis.jvm.TargetJdk;
import io.github.vforklint.finding.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML files (CI workflows, compose files, Kubernetes manifests), read with Jackson's YAML parser:
 * every string scalar is searched for the option as shell words (an {@code env:} value, a
 * {@code run:} script, an {@code args:} item); comments are never scalars. A
 * {@code java-version} key (actions/setup-java and its kin) names the JDK of the whole file.
 */
final class YamlReader {

    private static final YAMLFactory YAML = new YAMLFactory();
    /** Keys whose values are prose for people, not commands or options: a mention there is not a setting. */
    private static final Set<String> PROSE_KEYS = Set.of("description", "summary", "title", "name", "help", "message",
            "text", "body", "comment", "note", "notes", "about", "label", "info");
    private static final Pattern ENV_ITEM = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    private record Pending(Location at, String value, String via) {
    }

    private YamlReader() {
    }

    static void read(JvmFile file, Observed out) {
        List<Pending> pending = new ArrayList<>();
        int lowestJdk = Integer.MAX_VALUE;
        String field = null;
        String jdkField = null;
        try (JsonParser p = YAML.createParser(file.chars())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    jdkField = field.equals("java-version") || field.equals("java_version")
                            || field.equals("jdk") ? field : null;
                    continue;
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.END_OBJECT) {
                    jdkField = null;
                }
                if (!t.isScalarValue()) {
                    continue;
                }
                String text = p.getText();
                if (jdkField != null) {
                    int v = feature(text);
                    if (v > 0) {
                        lowestJdk = Math.min(lowestJdk, v);
                    }
                }
                if (t != JsonToken.VALUE_STRING || !text.contains(LaunchOption.PROPERTY)
                        || field != null && PROSE_KEYS.contains(field.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                JsonLocation loc = p.currentTokenLocation();
                int cursor = file.offset(loc.getLineNr(), loc.getColumnNr());
                Matcher env = ENV_ITEM.matcher(text);
                if (env.matches() && !text.contains("\n")) {
                    // A compose or Kubernetes environment item, NAME=value: the value is taken as it is, not split by a shell.
                    if (LaunchOption.isArgumentList(env.group(2))) {
                        for (LaunchOption.Hit hit : LaunchOption.in(env.group(2))) {
                            JvmFile.Found next = file.next(cursor, hit.option());
                            Location at = next.at();
                            cursor = next.after();
                            pending.add(new Pending(at, hit.value(), env.group(1) + " in " + file.fileName()));
                        }
                    }
                    continue;
                }
                // A scalar is read as shell lines: a run: script, an env value, an args item.
                for (LogicalLines.Line line : LogicalLines.of(text, false)) {
                    List<ShellCommands.Found> hits = ShellCommands.in(line.text());
                    int lineAt = hits.isEmpty() ? -1 : file.find(cursor, line.text().strip());
                    cursor = lineAt < 0 ? cursor : lineAt;
                    for (ShellCommands.Found f : hits) {
                        JvmFile.Found next = file.next(cursor, f.hit().option());
                        Location at = next.at();
                        cursor = next.after();
                        pending.add(new Pending(at, f.hit().value(), (field == null ? "a value" : field) + " in " + file.fileName()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            out.unreadable(file, "not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        TargetJdk jdk = lowestJdk == Integer.MAX_VALUE ? null
                : new TargetJdk(lowestJdk, "java-version in " + file.fileName(), false);
        for (Pending s : pending) {
            out.setting(s.at(), s.value(), s.via(), jdk, false);
        }
    }

    /** "17", "17.0.2", "1.8", "temurin-21" -> the feature release; 0 when there is none. */
    static int feature(String text) {
        Matcher m = Pattern.compile("(?:^|[^\\d.])(?:1\\.)?(\\d{1,2})(?:[.\\-+]|$)")
                .matcher(text.strip());
        if (m.find()) {
            int v = Integer.parseInt(m.group(1));
            return v >= 6 ? v : 0;
        }
        return 0;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
