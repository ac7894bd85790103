package io.github.vforklint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code expect:} comments of a fixture file (testdata/README.md) and their comparison with
 * what a scan found, line by line: every expected finding found, nothing else.
 */
public final class FixtureExpectations {

    private static final Pattern EXPECT = Pattern.compile(
            "(?://|/\\*)\\s*expect:\\s*((?:VFK\\d{3}\\s*)+)(?:\\(when ([^)]*)\\))?");

    private FixtureExpectations() {
    }

    /** Rule ids expected per 1-based line, sorted. */
    public static Map<Integer, List<String>> expected(List<String> lines) {
        Map<Integer, List<String>> expected = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (m.find()) {
                expected.put(i + 1, sorted(List.of(m.group(1).trim().split("\\s+"))));
            }
        }
        return expected;
    }

    /**
     * The configuration the findings expected on each line must carry: what follows
     * {@code (when ...)}, or "" for the configuration the options describe.
     */
    public static Map<Integer, String> configurations(List<String> lines) {
        Map<Integer, String> result = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (m.find()) {
                result.put(i + 1, m.group(2) == null ? "" : m.group(2).trim());
            }
        }
        return result;
    }

    /**
     * @param found per line, the configuration of each finding ("" for none)
     * @return one line per finding whose configuration is not the one its line expects
     */
    public static List<String> configurationMismatches(String file, Map<Integer, String> expected,
                                                       Map<Integer, List<String>> found) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : found.entrySet()) {
            String want = expected.get(e.getKey());
            if (want == null) {
                continue;
            }
            for (String got : e.getValue()) {
                if (!got.equals(want)) {
                    problems.add(file + ":" + e.getKey() + ": expected a finding " + (want.isEmpty() ? "in the default configuration"
                            : "when " + want) + ", got one " + (got.isEmpty() ? "in the default configuration" : "when " + got));
                }
            }
        }
        return problems;
    }

    /**
     * @param found per line, the findings as "VFKnnn message"
     * @return one line per mismatch, naming the file, the line, what was wanted and what was found
     */
    public static List<String> mismatches(String file, List<String> lines, Map<Integer, List<String>> expected,
                                          Map<Integer, List<String>> found) {
        List<String> problems = new ArrayList<>();
        for (int line = 1; line <= lines.size(); line++) {
            List<String> want = expected.getOrDefault(line, List.of());
            List<String> messages = found.getOrDefault(line, List.of());
            List<String> got = sorted(messages.stream().map(m -> m.substring(0, 6)).toList());
            if (!want.equals(got)) {
                problems.add(file + ":" + line + ": expected " + want + " got " + got
                        + (messages.isEmpty() ? "" : " " + messages) + "\n    " + lines.get(line - 1).trim());
            }
        }
        return problems;
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        copy.sort(null);
        return copy;
    }
}
