package io.github.vforklint.integrations;

import io.github.vforklint.gradle.VforklintExtension;
import io.github.vforklint.gradle.VforklintTask;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.vforklint.integrations.VforklintProgram.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's tables of the build plugins and the plugins say the same: every Maven parameter
 * with its user property (as the plugin descriptor Maven reads lists them), every property of the
 * Gradle extension, and every property of the Gradle task; and nothing the plugins do not have.
 */
class PluginReadmeTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theMavenTableListsEveryParameterWithItsProperty() throws Exception {
        Map<String, String> documented = new TreeMap<>();
        for (List<String> row : table(section("### Maven plugin"), "| parameter | property |")) {
            List<String> names = codes(row.get(0));
            List<String> properties = codes(row.get(1));
            assertEquals(names.size(), properties.size(), "a property for each parameter in " + row);
            for (int i = 0; i < names.size(); i++) {
                documented.put(names.get(i), properties.get(i));
            }
            // a parameter named in the meaning column, as `useConfigFile=false` (`vforklint.useConfigFile`)
            Matcher also = Pattern.compile("`(\\w+)=\\w+` \\(`(vforklint\\.\\w+)`\\)").matcher(row.get(3));
            while (also.find()) {
                documented.put(also.group(1), also.group(2));
            }
        }
        assertEquals(descriptorParameters(), documented);
    }

    @Test
    void theGradleTablesListEveryPropertyOfTheExtensionAndTheTask() throws Exception {
        String gradle = section("### Gradle plugin");
        Set<String> extension = new TreeSet<>();
        for (List<String> row : table(gradle, "| property | default | meaning |")) {
            extension.addAll(codes(row.get(0)));
        }
        assertEquals(properties(VforklintExtension.class), extension, "the extension's table");

        int start = gradle.indexOf("`VforklintTask` also has");
        int end = gradle.indexOf("Its reports", start);
        assertTrue(start >= 0 && end > start, "the sentence naming the task's own properties");
        Set<String> taskOnly = new TreeSet<>(codes(gradle.substring(start + "`VforklintTask`".length(), end)));
        taskOnly.remove("vforklint");   // the configuration's name, in the sentence
        taskOnly.removeAll(List.of("jni.h", "jni_md.h"));
        Set<String> task = properties(VforklintTask.class);
        // what the task reads: the files of sourceDirectories that vforklint reads, not a setting
        task.remove("source");
        Set<String> documentedForTask = new TreeSet<>(taskOnly);
        // the extension's settings are every task's defaults, and a task's own setting wins
        extension.stream().filter(task::contains).forEach(documentedForTask::add);
        Set<String> missing = new TreeSet<>(task);
        missing.removeAll(documentedForTask);
        assertEquals(Set.of(), missing, "task properties the README does not name");
        Set<String> unknown = new TreeSet<>(taskOnly);
        unknown.removeAll(task);
        assertEquals(Set.of(), unknown, "names in the task's sentence that the task does not have");
        assertFalse(taskOnly.isEmpty());
    }

    /** Parameter name to user property, of the check and aggregate goals, from the descriptor Maven reads. */
    private static Map<String, String> descriptorParameters() throws Exception {
        Path descriptor = ROOT.resolve("target/classes/META-INF/maven/plugin.xml");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        Map<String, String> parameters = new TreeMap<>();
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            if (goal.equals("help")) {
                continue;
            }
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList values = configuration.getChildNodes();
            for (int j = 0; j < values.getLength(); j++) {
                if (values.item(j) instanceof Element value) {
                    Matcher property = Pattern.compile("^\\$\\{(vforklint\\.[\\w.]+)}$").matcher(value.getTextContent());
                    if (property.find()) {
                        parameters.put(value.getTagName(), property.group(1));
                    }
                }
            }
        }
        assertTrue(parameters.size() > 20, parameters.toString());
        return parameters;
    }

    /** The Gradle properties of a type: its public getters of lazy values, as a build script names them. */
    private static Set<String> properties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            boolean lazy = org.gradle.api.provider.Provider.class.isAssignableFrom(m.getReturnType())
                    || org.gradle.api.file.FileCollection.class.isAssignableFrom(m.getReturnType());
            boolean own = m.getDeclaringClass().getPackageName().equals("io.github.vforklint.gradle");
            if (lazy && own && m.getParameterCount() == 0 && m.getName().startsWith("get")
                    && !Modifier.isStatic(m.getModifiers())) {
                names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return names;
    }

    private static String section(String heading) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, heading);
        int end = readme.indexOf("\n#", start + heading.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The rows (cells split on |) of the table whose header starts with {@code header}. */
    private static List<List<String>> table(String text, String header) {
        int start = text.indexOf("\n" + header);
        assertTrue(start >= 0, header);
        List<List<String>> rows = new ArrayList<>();
        String[] lines = text.substring(start + 1).split("\n");
        for (int i = 2; i < lines.length && lines[i].startsWith("|"); i++) {
            String line = lines[i];
            rows.add(List.of(line.substring(1, line.length() - 1).split("\\|", -1)).stream().map(String::trim).toList());
        }
        assertFalse(rows.isEmpty(), header);
        return rows;
    }

    private static List<String> codes(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
