package io.github.vforklint.frontend.java;

import io.github.vforklint.finding.Location;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;
import io.github.vforklint.analysis.jvm.TargetJdk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dockerfiles, instruction by instruction: FROM names the stage's image (and so its JDK), ENV
 * and ARG set variables the stage's containers and RUN steps see, RUN, CMD and ENTRYPOINT are
 * shell command lines or JSON arrays of words. A {@code RUN export X=...} whose variable no
 * command on the same RUN uses is lost when that RUN ends: it reaches no JVM.
 */
final class DockerfileReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerfileReader() {
    }

    static void read(JvmFile file, Observed out) {
        TargetJdk stageJdk = null;
        Map<String, TargetJdk> stages = new HashMap<>();
        for (LogicalLines.Line line : LogicalLines.of(file.chars(), true)) {
            String text = line.text().strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int space = indexOfBlank(text);
            String instruction = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : text.substring(space).strip();
            switch (instruction) {
                case "FROM" -> {
                    List<String> words = new ArrayList<>(ShellCommands.words(args));
                    words.removeIf(w -> w.startsWith("--"));
                    if (!words.isEmpty()) {
                        String image = words.get(0);
                        stageJdk = stages.containsKey(image.toLowerCase(Locale.ROOT))
                                ? stages.get(image.toLowerCase(Locale.ROOT)) : JdkImages.of(image);
                        if (words.size() >= 3 && words.get(1).equalsIgnoreCase("as")) {
                            stages.put(words.get(2).toLowerCase(Locale.ROOT), stageJdk);
                        }
                    }
                }
                case "ENV", "ARG" -> variables(file, out, line.start(), instruction, args, stageJdk);
                case "RUN", "CMD", "ENTRYPOINT" -> command(file, out, line.start(), instruction, args, stageJdk);
                default -> {
                }
            }
        }
    }

    private static void variables(JvmFile file, Observed out, int start, String instruction, String args,
                                  TargetJdk jdk) {
        List<String> words = ShellCommands.words(args);
        List<String[]> pairs = new ArrayList<>();
        if (!words.isEmpty() && !words.get(0).contains("=")) {
            // The legacy form "ENV NAME value with blanks" has one variable: the rest of the line.
            String name = words.get(0);
            String rest = args.substring(args.indexOf(name) + name.length()).strip();
            pairs.add(new String[]{name, rest});
        } else {
            for (String w : words) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    pairs.add(new String[]{w.substring(0, eq), w.substring(eq + 1)});
                }
            }
        }
        int cursor = start;
        for (String[] pair : pairs) {
            for (LaunchOption.Hit hit : LaunchOption.in(pair[1])) {
                JvmFile.Found next = file.next(cursor, hit.option());
                Location at = next.at();
                cursor = next.after();
                out.setting(at, hit.value(), pair[0] + " in a Dockerfile " + instruction, jdk, false);
            }
        }
    }

    private static void command(JvmFile file, Observed out, int start, String instruction, String args, TargetJdk jdk) {
        int cursor = start;
        if (args.startsWith("[")) {
            try {
                JsonNode array = JSON.readTree(args);
                String first = array.size() > 0 ? array.get(0).asText() : "";
                for (JsonNode word : array) {
                    for (LaunchOption.Hit hit : LaunchOption.in(word.asText())) {
                        JvmFile.Found next = file.next(cursor, hit.option());
                        Location at = next.at();
                        cursor = next.after();
                        out.setting(at, hit.value(), "the `" + first + "` command line in a Dockerfile " + instruction,
                                jdk, false);
                    }
                }
                return;
            } catch (JsonProcessingException e) {
                // Not JSON after all: Docker runs it with the shell, so read it as a shell line.
            }
        }
        for (ShellCommands.Found f : ShellCommands.in(args)) {
            JvmFile.Found next = file.next(cursor, f.hit().option());
            Location at = next.at();
            cursor = next.after();
            String via = f.via() + " in a Dockerfile " + instruction;
            if (f.lastExport() && instruction.equals("RUN")) {
                out.setting(new LaunchMechanismSetting(at, f.hit().value(), via, jdk, false,
                        LaunchMechanismSetting.Effect.LOST, "each RUN starts a new shell, so a variable exported "
                        + "as its last command is gone before any JVM starts; set it with ENV, or on the same RUN "
                        + "before the command (`export X=... && ./gradlew build`)"));
            } else {
                out.setting(at, f.hit().value(), via, jdk, false);
            }
        }
    }

    private static int indexOfBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
