package io.github.vforklint.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.github.vforklint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Checkstyle XML and GitHub workflow-command formats. */
class TextFormatsTest {

    private static final Path ROOT = Path.of(System.getProperty("vforklint.projectRoot", ".")).toAbsolutePath().normalize();

    @Test
    void checkstyleXmlListsFindingsPerFile() throws Exception {
        CliTest.Run r = run("check", "--no-config", "-f", "checkstyle", ROOT.resolve("testdata/c/helpers.c").toString(),
                ROOT.resolve("testdata/c/broken.c").toString());
        assertEquals(1, r.code(), r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        NodeList files = root.getElementsByTagName("file");
        assertEquals(2, files.getLength());
        assertTrue(((Element) files.item(1)).getAttribute("name").endsWith("testdata/c/helpers.c"));
        NodeList errors = ((Element) files.item(1)).getElementsByTagName("error");
        Element first = (Element) errors.item(0);
        assertEquals("error", first.getAttribute("severity"));
        assertEquals("vforklint.VFK101", first.getAttribute("source"));
        assertTrue(Integer.parseInt(first.getAttribute("line")) > 0 && Integer.parseInt(first.getAttribute("column")) > 0);
        assertTrue(first.getAttribute("message").startsWith("printf() in the vfork child"), first.getAttribute("message"));
        boolean incomplete = false;
        NodeList broken = ((Element) files.item(0)).getElementsByTagName("error");
        for (int i = 0; i < broken.getLength(); i++) {
            incomplete |= ((Element) broken.item(i)).getAttribute("source").equals("vforklint.incomplete");
        }
        assertTrue(incomplete, "a file not fully analysed does not look clean");
    }

    @Test
    void githubFormatIsOneWorkflowCommandPerFinding() {
        CliTest.Run r = run("check", "--no-config", "-f", "github", ROOT.resolve("testdata/c/helpers.c").toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.matches("::(error|warning|notice) file=[^:]+,line=\\d+.*::.+")), r.out());
        String inner = lines.stream().filter(l -> l.contains("g_helper_calls")).findFirst().orElseThrow();
        assertTrue(inner.startsWith("::error file=testdata/c/helpers.c,line="), "paths relative to the repository: " + inner);
        assertTrue(inner.contains(",title=VFK104 parent-memory-write::"), inner);
        assertTrue(inner.contains("%0A(the vfork child starts at testdata/c/helpers.c:"), "newlines are escaped: " + inner);
        assertTrue(inner.contains("through outer_helper() → bad_inner_helper())"), inner);
    }
}
