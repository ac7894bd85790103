package io.github.vforklint.frontend.java;

import io.github.vforklint.finding.Location;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maven POMs, read with the JDK's StAX parser (no DTDs, no external entities): every text node is
 * searched for the option as blank-separated words (surefire and failsafe {@code argLine},
 * exec-maven-plugin arguments, jvm arguments of any plugin), and an element or
 * {@code <property><name>} naming the property gives its value (systemPropertyVariables,
 * systemProperties). The same pass reads what the JDK checks need: properties, the compiler's
 * release and target, a toolchain's JDK version, the parent's relative path, and profiles that
 * activate only on macOS or AIX.
 */
final class PomReader {

    /** One value found in the POM. */
    record Hit(Location at, String value, String via, int profile) {
    }

    /**
     * What one POM says.
     *
     * @param macOsOrAixProfiles indices of profiles activated only on macOS or AIX
     */
    record Model(Map<String, String> properties, String release, String target, String toolchain,
                 String parentPath, List<Hit> hits, java.util.Set<Integer> macOsOrAixProfiles, String error) {

        boolean onlyOnMacOsOrAix(Hit hit) {
            return hit.profile() >= 0 && macOsOrAixProfiles.contains(hit.profile());
        }
    }

    private PomReader() {
    }

    static Model read(JvmFile file) {
        Map<String, String> properties = new HashMap<>();
        List<Hit> hits = new ArrayList<>();
        java.util.Set<Integer> macProfiles = new java.util.HashSet<>();
        String release = null;
        String target = null;
        String toolchain = null;
        String parentPath = null;
        String error = null;
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> textStarts = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        boolean leaf = false;
        int profile = -1;
        int profiles = 0;
        boolean propertyNamed = false;
        String pluginArtifact = null;
        XMLStreamReader xml = null;
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_COALESCING, true);
            xml = factory.createXMLStreamReader(new StringReader(file.chars()));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    path.push(name);
                    textStarts.push(file.offset(xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber()));
                    text.setLength(0);
                    leaf = true;
                    if (name.equals("profile") && parentIs(path, "profiles")) {
                        profile = profiles++;
                    }
                    if (name.equals("plugin")) {
                        pluginArtifact = null;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.peek();
                    int start = textStarts.pop();
                    String value = leaf ? text.toString().strip() : "";
                    String parent = path.size() > 1 ? List.copyOf(path).get(1) : "";
                    if (leaf && !value.isEmpty()) {
                        String via = "<" + name + ">" + (pluginArtifact == null ? "" : " of " + pluginArtifact)
                                + " in " + file.fileName();
                        if (LaunchOption.isProperty(name)) {
                            hits.add(new Hit(file.locate(start, value), value, via, profile));
                        } else if (name.equals("name") && parent.equals("property")) {
                            propertyNamed = LaunchOption.isProperty(value);
                        } else if (name.equals("value") && parent.equals("property") && propertyNamed) {
                            hits.add(new Hit(file.locate(start, value), value, "<property> " + via.substring(via.indexOf(" in ")),
                                    profile));
                            propertyNamed = false;
                        }
                        int cursor = start;
                        for (String word : value.split("\\s+")) {
                            for (LaunchOption.Hit hit : LaunchOption.in(word)) {
                                JvmFile.Found next = file.next(cursor, hit.option());
                                hits.add(new Hit(next.at(), hit.value(), via, profile));
                                cursor = next.after();
                            }
                        }
                        if (parent.equals("properties") && path.size() == 3) {
                            properties.put(name, value);
                        } else if (name.equals("artifactId") && parent.equals("plugin")) {
                            pluginArtifact = value;
                        } else if (parent.equals("configuration") && name.equals("release")) {
                            release = value;
                        } else if (parent.equals("configuration") && name.equals("target")) {
                            target = value;
                        } else if (name.equals("version") && (parent.equals("jdk") || parent.equals("jdkToolchain"))) {
                            toolchain = value;
                        } else if (name.equals("relativePath") && parent.equals("parent")) {
                            parentPath = value;
                        } else if ((name.equals("family") || name.equals("name")) && parent.equals("os")
                                && profile >= 0 && macOrAix(value)) {
                            macProfiles.add(profile);
                        }
                    }
                    if (name != null && name.equals("profile") && parent.equals("profiles")) {
                        profile = -1;
                    }
                    path.pop();
                    leaf = false;
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            error = "not well-formed XML (" + e.getMessage().replaceAll("\\s+", " ") + ")";
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing was opened that needs closing
                }
            }
        }
        return new Model(properties, release, target, toolchain, parentPath, hits, macProfiles, error);
    }

    private static boolean parentIs(Deque<String> path, String name) {
        return path.size() > 1 && List.copyOf(path).get(1).equals(name);
    }

    private static boolean macOrAix(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return !v.startsWith("!") && (v.equals("mac") || v.contains("mac os") || v.equals("aix") || v.equals("darwin"));
    }
}
