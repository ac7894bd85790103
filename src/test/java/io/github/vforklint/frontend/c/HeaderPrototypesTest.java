package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.internal.core.dom.parser.ASTQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Header prototypes read only when a name of the tree spells theirs ({@link UnfrozenCParser}):
 * every declaration the tree keeps is the one CDT reads where it stands, every one it leaves
 * unread is a prototype nothing names, and the declarations of other shapes are never left out.
 */
class HeaderPrototypesTest {

    private static final String HEADER = """
            typedef long off_type;
            typedef struct buffer { char *data; unsigned long length; } buffer_t;
            struct stat;
            enum mode { READ, WRITE };
            extern int verbose;
            extern void (*on_error)(const char *why);
            int first_of_two(void), second_of_two(void);
            int (parenthesised)(int);
            char *(*returns_a_pointer_to_function(int which))(void);
            #define FAST __attribute__((regparm(3)))
            #define NORETURN __attribute__((__noreturn__))
            int named_open(const char *path, int flags);
            off_type named_seek(int fd, off_type where, int whence);
            void FAST named_free(void *pointer);
            const struct buffer *named_buffer(int which);
            void named_die(int status) NORETURN;
            int unnamed_open(const char *path, int flags);
            off_type unnamed_seek(int fd, off_type where, int whence);
            void FAST unnamed_free(void *pointer);
            const struct buffer *unnamed_buffer(int which);
            void unnamed_die(int status) NORETURN;
            int unnamed_stat(const char *path, struct stat *st) __asm__("stat64");
            int unnamed_printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
            int named_by_header_body(int code);
            int unnamed_with_a_typedef_parameter(buffer_t *b);
            void with_a_macro_in_its_parameters(int fd, IF_WIDE(long) int width);
            int with_a_word_too_many(int fd UNUSED_PARAM);
            int unnamed_with_arrays(char name[NAME_MAX], const struct buffer *buffers[], unsigned long count);
            static inline int header_helper(int code) { return named_by_header_body(code); }
            """;

    private static final String MAIN = """
            #include "lib.h"
            int named_locally(int);
            int main(void) {
                buffer_t b;
                if (named_open("x", 0) < 0) named_die(1);
                named_seek(3, 0, 0);
                named_free(named_buffer(0)->data);
                return header_helper(named_locally(verbose)) + (int)sizeof b;
            }
            """;

    @TempDir
    Path dir;

    private CUnit parse(String header, String main, boolean deferred) throws Exception {
        Files.writeString(dir.resolve("lib.h"), header);
        Path file = dir.resolve("main.c");
        Files.writeString(file, main);
        CParser parser = new CParser(p -> Path.of(p).getFileName().toString());
        if (!deferred) {
            parser.readingPrototypesInPlace();
        }
        return parser.parse(file, ParseSettings.defaults());
    }

    @Test
    void keptDeclarationsAreCdtsOwnAndOnlyUnnamedPrototypesAreLeftUnread() throws Exception {
        IASTTranslationUnit deferred = parse(HEADER, MAIN, true).tree();
        IASTTranslationUnit inPlace = parse(HEADER, MAIN, false).tree();
        IASTDeclaration[] late = deferred.getDeclarations();
        IASTDeclaration[] own = inPlace.getDeclarations();
        assertEquals(own.length, late.length, "one declaration, or its stand-in, for each CDT reads");
        Set<String> named = namesIn(deferred);
        Set<String> unread = new TreeSet<>();
        for (int i = 0; i < own.length; i++) {
            assertEquals(extent(own[i]), extent(late[i]), "declaration " + i + " keeps its place and extent");
            if (isStandIn(late[i])) {
                String prototype = String.valueOf(prototypeName(own[i]));
                assertFalse(named.contains(prototype), prototype + " is named in the tree but was left unread");
                unread.add(prototype);
            } else {
                assertEquals(shape(own[i]), shape(late[i]), "declaration " + i + " reads as CDT reads it in place");
            }
        }
        assertEquals(new TreeSet<>(Set.of("unnamed_open", "unnamed_seek", "unnamed_free", "unnamed_buffer",
                "unnamed_die", "unnamed_stat", "unnamed_printf", "unnamed_with_a_typedef_parameter", "unnamed_with_arrays")),
                unread);
    }

    @Test
    void namedPrototypesResolveAsInPlace() throws Exception {
        CUnit deferred = parse(HEADER, MAIN, true);
        CUnit inPlace = parse(HEADER, MAIN, false);
        List<String> calls = calls(deferred.function("main").orElseThrow());
        assertEquals(calls(inPlace.function("main").orElseThrow()), calls,
                "main lowers the same: its calls, and whether each is declared not to return");
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("named_die noreturn ")), calls.toString());
        Set<String> prototypes = new HashSet<>();
        for (IASTDeclaration d : deferred.tree().getDeclarations()) {
            if (!isStandIn(d) && prototypeName(d) != null) {
                prototypes.add(prototypeName(d));
            }
        }
        assertTrue(prototypes.containsAll(Set.of("named_open", "named_seek", "named_free", "named_buffer", "named_die",
                "named_by_header_body", "named_locally")), "read: " + prototypes);
    }

    private static List<String> calls(io.github.vforklint.ir.FunctionBody body) {
        List<String> calls = new ArrayList<>();
        for (io.github.vforklint.ir.CfgNode node : body.nodes()) {
            for (io.github.vforklint.ir.Event e : node.events()) {
                if (e instanceof io.github.vforklint.ir.Event.Call c) {
                    calls.add(c.callee() + (c.declaredNoReturn() ? " noreturn" : "") + " " + c.text());
                }
            }
        }
        return calls;
    }

    @Test
    void aPrototypeThatDoesNotReadAsSkimmedIsReadWhereItStands() throws Exception {
        // CDT's declaration list recovers from the syntax error in place, a late read cannot,
        // and the file is parsed again without leaving any prototype unread
        String header = "int ok_before(int);\nvoid broken(int fd, (long) width);\nint ok_after(int);\n";
        String main = "#include \"lib.h\"\nint main(void) { broken(1, 2); return ok_before(ok_after(0)); }\n";
        IASTDeclaration[] late = parse(header, main, true).tree().getDeclarations();
        IASTDeclaration[] own = parse(header, main, false).tree().getDeclarations();
        assertEquals(shapes(own), shapes(late));
        assertTrue(shapes(own).stream().anyMatch(s -> s.startsWith("CASTProblemDeclaration")),
                "the header's problem is kept: " + shapes(own));
    }

    @Test
    void aPrototypeThatFailedOnceIsReadWhereItStandsByLaterParses() throws Exception {
        // the scan's parser remembers the name: a second file naming it reads it in place
        String header = "int ok_before(int);\nvoid broken(int fd, (long) width);\nint ok_after(int);\n";
        Files.writeString(dir.resolve("lib.h"), header);
        Path first = dir.resolve("first.c");
        Path second = dir.resolve("second.c");
        Files.writeString(first, "#include \"lib.h\"\nint main(void) { broken(1, 2); return 0; }\n");
        Files.writeString(second, "#include \"lib.h\"\nint other(void) { broken(3, 4); return ok_after(0); }\n");
        CParser scan = new CParser(p -> Path.of(p).getFileName().toString());
        CParser inPlace = new CParser(p -> Path.of(p).getFileName().toString()).readingPrototypesInPlace();
        for (Path file : List.of(first, second)) {
            assertEquals(shapes(inPlace.parse(file, ParseSettings.defaults()).tree().getDeclarations()),
                    shapes(scan.parse(file, ParseSettings.defaults()).tree().getDeclarations()), file.toString());
        }
    }

    @Test
    void namesThatReadPrototypesBringReadTheirsInTurnInAnyOrder() throws Exception {
        // each prototype's parameter is named like the one declared before it
        String header = "int c4(void);\nint c3(void);\nint c2(int c3);\nint c1(int c2);\nint c0(int c1);\n";
        String main = "#include \"lib.h\"\nint main(void) { return c1(0); }\n";
        Set<String> read = new TreeSet<>();
        Set<String> unread = new TreeSet<>();
        for (IASTDeclaration d : parse(header, main, true).tree().getDeclarations()) {
            if (isStandIn(d)) {
                unread.add(d.getRawSignature());
            } else if (prototypeName(d) != null) {
                read.add(prototypeName(d));
            }
        }
        assertEquals(Set.of("c1", "c2", "c3"), read);
        assertEquals(Set.of("int c4(void);", "int c0(int c1);"), unread);
    }

    @Test
    void prototypesOfTheFileItselfAreAlwaysRead() throws Exception {
        String main = "int never_called(int);\nint also_never(void) __attribute__((noreturn));\nint main(void) { return 0; }\n";
        for (IASTDeclaration d : parse("", main, true).tree().getDeclarations()) {
            assertFalse(isStandIn(d), d.getRawSignature());
        }
    }

    /** The empty declaration that stands for an unread prototype: no declarator, and a prototype's text. */
    private static boolean isStandIn(IASTDeclaration d) {
        return d instanceof IASTSimpleDeclaration s && s.getDeclarators().length == 0 && d.getRawSignature().contains("(");
    }

    private static String prototypeName(IASTDeclaration d) {
        if (d instanceof IASTSimpleDeclaration s && s.getDeclarators().length == 1) {
            return ASTQueries.findInnermostDeclarator(s.getDeclarators()[0]).getName().toString();
        }
        return null;
    }

    private static String extent(IASTNode node) {
        IASTFileLocation at = node.getFileLocation();
        if (at == null) {
            return "nowhere"; // an empty name: an unnamed parameter's
        }
        return at.getFileName() + "@" + at.getNodeOffset() + "+" + at.getNodeLength();
    }

    /** Every node's class and extent, in order. */
    private static String shape(IASTNode node) {
        List<String> nodes = new ArrayList<>();
        node.accept(new ASTVisitor(true) {
            @Override
            public int visit(IASTName name) {
                nodes.add(name.getClass().getSimpleName() + " " + name + " " + extent(name));
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTDeclaration declaration) {
                nodes.add(declaration.getClass().getSimpleName() + " " + extent(declaration));
                return PROCESS_CONTINUE;
            }
        });
        return String.join("\n", nodes);
    }

    private static List<String> shapes(IASTDeclaration[] declarations) {
        List<String> result = new ArrayList<>();
        for (IASTDeclaration d : declarations) {
            result.add(d.getClass().getSimpleName() + " " + d.getRawSignature().strip());
        }
        return result;
    }

    private static Set<String> namesIn(IASTTranslationUnit unit) {
        Set<String> names = new HashSet<>();
        unit.accept(new ASTVisitor() {
            {
                shouldVisitNames = true;
            }

            @Override
            public int visit(IASTName name) {
                names.add(name.toString());
                return PROCESS_CONTINUE;
            }
        });
        return names;
    }
}
