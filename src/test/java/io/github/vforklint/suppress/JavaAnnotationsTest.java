package io.github.vforklint.suppress;

import io.github.vforklint.source.SourceText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** @SuppressWarnings("vforklint:...") and the lines of the declaration it covers; comments by file kind. */
class JavaAnnotationsTest {

    private static final String JAVA = """
            @SuppressWarnings({"unchecked", "vforklint:VFK303 -- set before any process"})
            class A {
                @SuppressWarnings("vforklint:VFK301")
                private final Runnable r = () -> {
                    System.out.println("}");
                };

                // @SuppressWarnings("vforklint:VFK310") in a comment is not an annotation
                void m(@SuppressWarnings("vforklint:VFK312") int x, int y) {
                }

                @java.lang.SuppressWarnings(value = "vforklint:VFK310")
                @Deprecated(since = "1")
                native int fork();

                @SuppressWarnings("unchecked")
                void n() {
                }
            }
            """;

    @Test
    void annotationsCoverTheirDeclaration() {
        SourceText text = new SourceText(JAVA.toCharArray());
        List<String> found = JavaAnnotations.find(text.chars()).stream()
                .map(a -> a.values() + " " + text.lineOf(a.start()) + "-" + text.lineOf(a.elementEnd())).toList();
        assertEquals(List.of("[VFK303 -- set before any process] 1-19", "[VFK301] 3-6", "[VFK312] 9-9", "[VFK310] 12-14"),
                found);
    }

    @Test
    void directivesCarryTheirReasonAndScope() {
        DirectiveParser parser = new DirectiveParser(io.github.vforklint.rules.RuleCatalogue.load());
        List<Directive> ds = parser.parse("A.java", new SourceText(JAVA.toCharArray()));
        assertEquals(4, ds.size());
        assertEquals(Directive.Form.ELEMENT, ds.get(0).form());
        assertEquals("set before any process", ds.get(0).reason());
        assertEquals(19, ds.get(0).scopeEnd());
    }

    @Test
    void commentsFollowTheFileKind() {
        String xml = "<a><!-- vforklint-disable-next-line VFK301 --><b>x</b></a>";
        assertEquals(List.of(" vforklint-disable-next-line VFK301 "),
                CommentSyntax.of("pom.xml", xml.toCharArray()).stream().map(CommentSyntax.Comment::body).toList());
        String sh = "# whole line\nexport A='x # not a comment' # trailing\nB=1#no\n";
        assertEquals(List.of(" whole line", " trailing"),
                CommentSyntax.of("deploy/run.sh", sh.toCharArray()).stream().map(CommentSyntax.Comment::body).toList());
        String properties = "a=b # part of the value\n  # a comment\n";
        assertEquals(List.of(" a comment"), CommentSyntax.of("gradle.properties", properties.toCharArray())
                .stream().map(CommentSyntax.Comment::body).toList());
        String dockerfile = "# vforklint-disable-next-line VFK301\nENV A=b\n";
        assertEquals(1, CommentSyntax.of("Dockerfile", dockerfile.toCharArray()).size());
    }
}
