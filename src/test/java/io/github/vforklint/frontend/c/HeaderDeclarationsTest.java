package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The function declarations of a header that a parse may leave out, read from its text. */
class HeaderDeclarationsTest {

    private static HeaderDeclarations of(String text) {
        char[] chars = text.toCharArray();
        return HeaderDeclarations.of(chars, Directives.in(chars));
    }

    private static List<String> names(String text) {
        return of(text).removable(text.toCharArray()).stream().map(HeaderDeclarations.Declaration::name).toList();
    }

    @Test
    void prototypesAndDefinitionsAreListedByTheNameTheyDeclare() {
        assertEquals(List.of("open_or_die", "say", "twice", "old"), names("""
                int open_or_die(const char *path, int flags) FAST_FUNC;
                void say(const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));
                static inline int twice(int x) { return x + x; }
                int old();
                """));
    }

    @Test
    void whatDeclaresATypeAVariableOrSeveralNamesIsNotListed() {
        assertEquals(List.of(), names("""
                typedef int handler_fn(int);
                typedef struct pair { int a, b; } pair_t;
                struct node { struct node *next; int (*visit)(struct node *); };
                enum { ONE, TWO };
                extern const char banner[];
                int (*hook)(int);
                int first(void), second(void);
                int table[] = { 1, 2 };
                """));
    }

    @Test
    void aDeclarationThatSpansADirectiveIsKept() {
        assertEquals(List.of("after"), names("""
                int
                #if WIDE
                long_one
                #else
                short_one
                #endif
                (void);
                int after(void);
                """));
    }

    @Test
    void anOldStyleDefinitionIsNotTakenForAPrototype() {
        assertEquals(List.of(), names("""
                int add(a, b) size_t a; size_t b; { return a + b; }
                """));
    }

    @Test
    void declarationsInsideLinkageBlocksCount() {
        assertEquals(List.of("inside"), names("""
                #ifdef __cplusplus
                extern "C" {
                #endif
                int inside(void);
                #ifdef __cplusplus
                }
                #endif
                """));
    }

    @Test
    void aFileWhoseBracesDoNotBalanceOutsideItsDirectivesListsNothing() {
        assertEquals(List.of(), names("""
                int before(void);
                #if A
                void f(void) {
                #else
                void f(int x) {
                #endif
                }
                """));
    }

    @Test
    void aMacroThatMakesOneNameAnotherIsKept() {
        assertEquals(List.of("TWICE"), names("""
                #define vfork fork
                #define spawn /* the fast one */ vfork
                #define TWICE(x) ((x) + (x))
                """));
    }

    @Test
    void namesCountTheDirectivesToo() {
        String text = """
                #define DIE(msg) die_with(msg)
                void die_with(const char *msg);
                """;
        HeaderDeclarations d = of(text);
        assertEquals(2, d.count("die_with"), "once in the macro, once in its declaration");
        assertEquals(List.of("DIE", "die_with"), names("""
                #define DIE(msg) die_with(msg)
                void die_with(const char *msg);
                """));
        assertEquals(1, d.removable(text.toCharArray()).get(1).uses());
        assertTrue(d.names("msg"));
    }
}
