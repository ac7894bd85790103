package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacroRecoveryTest {

    private static MacroRecovery.Fixes topLevel(String code, String... known) {
        char[] text = code.toCharArray();
        return MacroRecovery.of(text, List.of(new MacroRecovery.Region(0, text.length, true)), Set.of(known));
    }

    private static MacroRecovery.Fixes inside(String code, String... known) {
        char[] text = code.toCharArray();
        return MacroRecovery.of(text, List.of(new MacroRecovery.Region(0, text.length, false)), Set.of(known));
    }

    /** Code inside a function, with the unit's macros: their names are the known ones. */
    private static Map<String, String> inside(String code, Condition.Macros macros, Set<String> known) {
        char[] text = code.toCharArray();
        return MacroRecovery.of(text, List.of(new MacroRecovery.Region(0, text.length, false)), known, macros).defines();
    }

    /** Top-level code the parser gave up on from where {@code from} first occurs to the end. */
    private static Map<String, String> topLevelFrom(String code, String from) {
        char[] text = code.toCharArray();
        return MacroRecovery.of(text, List.of(new MacroRecovery.Region(code.indexOf(from), text.length, true)), Set.of())
                .defines();
    }

    /** Macros with replacements and, for function-like ones, parameters. */
    private static Condition.Macros macros(Map<String, String> replacements, Map<String, Set<String>> parameters) {
        return new Condition.Macros() {
            @Override
            public String valueOf(String name) {
                return replacements.get(name);
            }

            @Override
            public Set<String> parametersOf(String name) {
                return parameters.getOrDefault(name, Set.of());
            }
        };
    }

    @Test
    void macroCallsAmongEnumeratorsPassThroughAndTheEnumeratorsStay() {
        // busybox's tar.c: the parser stops at the first unknown macro among the enumerators
        String code = "enum {\n\tOPTBIT_KEEP_OLD = 8,\n\tIF_FEATURE_TAR_CREATE(   OPTBIT_CREATE      ,)\n"
                + "\tIF_FEATURE_TAR_CREATE(   OPTBIT_DEREFERENCE ,)\n\tIF_FEATURE_SEAMLESS_BZ2( OPTBIT_BZIP2 ,) /* { */\n"
                + "\tOPTBIT_AUTOCOMPRESS_BY_EXT,\n#if ENABLE_FEATURE_TAR_LONG_OPTIONS\n\tOPTBIT_NORECURSION,\n#endif\n"
                + "\tOPT_TEST = 1 << 0,\n\tOPT_CREATE = IF_FEATURE_TAR_CREATE((1 << OPTBIT_CREATE)) + 0,\n};\n"
                + "static const char *s = \"}\";\n";
        Map<String, String> expected = Map.of("IF_FEATURE_TAR_CREATE(...)", "__VA_ARGS__",
                "IF_FEATURE_SEAMLESS_BZ2(...)", "__VA_ARGS__");
        assertEquals(expected, topLevelFrom(code, "(   OPTBIT_CREATE"));
        assertEquals(expected, topLevelFrom("typedef enum opts " + code.substring("enum ".length()), "(   OPTBIT_CREATE"));
        assertEquals(expected, topLevelFrom(code, ",)\n\tIF_FEATURE_SEAMLESS_BZ2"), "a region can start at a comma");
        // after the enum, a declaration is read as one
        assertEquals(Map.of("FAST_FUNC", ""), topLevelFrom(code + "void FAST_FUNC die(void);\n", "void FAST_FUNC"));
    }

    @Test
    void aliasMacrosStandingAloneAtFileScopeAreDropped() {
        assertEquals(Map.of("strong_alias(...)", "", "libc_hidden_weak(...)", ""),
                topLevel("strong_alias(__vfork,vfork)\nlibc_hidden_weak(vfork)\n#endif\n").defines());
        assertEquals(Map.of("libc_hidden_proto(...)", ""),
                topLevel("libc_hidden_proto(faccessat)\n#endif\nextern int pipe (int __pipedes[2]);\n").defines());
        assertEquals(Map.of("__weak_alias(...)", ""),
                topLevel("__weak_alias(popen,_popen)\n\nFILE *\npopen(const char *cmd, const char *type)\n{\n}\n").defines());
        assertEquals(Map.of("_syscall0(...)", ""), topLevel("_syscall0(pid_t, __vfork)\n").defines(), "nothing after it");
        // a K&R definition's head, and a macro with more on its line, are no alias
        assertEquals(Map.of("getit(...)", "__VA_ARGS__"),
                topLevel("getit(fp, cb)\n    FILE *fp;\n    int (*cb)(void);\n{\n}\n").defines(),
                "a K&R head is not dropped as an alias");
        assertEquals(Map.of("DECLARE_LIST(...)", "__VA_ARGS__"), topLevel("DECLARE_LIST(x) int f(void);\n").defines());
        assertEquals(Map.of("METHODDEF(...)", "__VA_ARGS__"), topLevel("METHODDEF(void)\nstart_pass (j_ptr cinfo)\n{\n}\n").defines(),
                "libjpeg's return type macro is no alias");
        // the parser stopped at the macro's ')', and the function after it did not parse
        assertEquals(Map.of("libc_hidden_def(...)", ""),
                topLevelFrom("}\nlibc_hidden_def(wordfree)\n\nint wordexp(const char *w)\n{\n}\n", ")\n\nint"));
        // Emacs' lisp.h: a function's declarator, its attribute macro on the next line
        assertEquals(Map.of("ATTRIBUTE_FORMAT_PRINTF(...)", ""), topLevelFrom("extern ptrdiff_t evxprintf (char **, va_list)\n"
                + "  ATTRIBUTE_FORMAT_PRINTF (5, 0);\n", ")\n  ATTRIBUTE"));
    }

    @Test
    void anUnknownWordAfterACompleteTypeOnTheLineBeforeAFunctionHeadIsAnAttribute() {
        // uClibc-ng's wordexp.c: the parser read "static void attribute_noreturn" as a declaration of its own
        String code = "#include <x.h>\nstatic void attribute_noreturn\nexec_comm_child(char *comm, int *fildes)\n{\n}\n";
        assertEquals(Map.of("attribute_noreturn", ""), topLevelFrom(code, "exec_comm_child"));
        assertEquals(Map.of("attribute_noreturn", "", "UNUSED_PARAM", "", "FAST_FUNC", ""), topLevelFrom(
                "static void attribute_noreturn\nchild(int fd UNUSED_PARAM) FAST_FUNC\n{\n}\n", "child"),
                "its parameters and what follows them are read as a head's");
        assertEquals(Map.of("attribute_noreturn", ""), topLevelFrom(code, "n\nexec_comm_child"),
                "the parser reports the stretch from the last letter of the word it took for a declaration");
        assertEquals(Map.of(), topLevelFrom("#if X\nstatic my_type\nhelper(int a)\n{\n}\n", "helper"), "a type, not an attribute");
        assertEquals(Map.of(), topLevelFrom("static struct pair\nmake(int a)\n{\n}\n", "make"), "a struct's tag");
        assertEquals(Map.of(), topLevelFrom("#define STATIC static void\nint x;\nhelper(int a)\n{\n}\n", "helper"),
                "the line before is the end of another declaration");
    }

    @Test
    void anUnknownWordBeforeAFileScopeInitializerIsAnAttribute() {
        // busybox's alignment macros, with libbb.h not there
        assertEquals(Map.of("ALIGN2", ""), topLevel("static const uint16_t http_response_type[] ALIGN2 = { 200, 404 };").defines());
        assertEquals(Map.of("ALIGN4", ""), topLevel("static const struct {\n\tint32_t mode;\n\tchar d[3];\n} redir_table[] ALIGN4 = {\n"
                + "\t{ 0, \"<\" },\n};").defines());
        assertEquals(Map.of("ALIGN1", ""), topLevel("static char *p ALIGN1;").defines());
        assertEquals(Map.of(), topLevel("static my_t VALUE;").defines(), "a variable of a type the scan does not know");
        assertEquals(Map.of(), topLevel("static int COUNT = 0;").defines(), "a capitalised variable");
        assertEquals(Map.of(), topLevel("static int verbose __read_mostly = 1;").defines(),
                "which of two words after int is the variable, the shape does not say");
        assertEquals(Map.of("attribute_hidden", ""), topLevel("char attribute_hidden **__libc_argv;").defines(),
                "before the stars, the word is no variable");
        assertEquals(Map.of(), topLevel("struct stat_t st;").defines());
    }

    @Test
    void unknownWordsWhereAttributesGoAreAttributes() {
        assertEquals(Map.of("FAST_FUNC", ""), topLevel("void FAST_FUNC f1(int x) { x++; }").defines());
        assertEquals(Map.of("NOINLINE", ""), topLevel("static NOINLINE int f2(int a) { return a; }").defines());
        assertEquals(Map.of("FAST_FUNC", ""), topLevel("pid_t FAST_FUNC xfork(void) { }").defines());
        assertEquals(Map.of("UNUSED_PARAM", ""), topLevel("int main(int argc UNUSED_PARAM, char **argv) { }").defines());
        assertEquals(Map.of("MAIN_EXTERNALLY_VISIBLE", ""), topLevel("int m(int argc, char **argv) MAIN_EXTERNALLY_VISIBLE;").defines());
        assertEquals(Map.of("MAIN_EXTERNALLY_VISIBLE", ""), topLevel(") MAIN_EXTERNALLY_VISIBLE;").defines());
        assertEquals(Map.of("ALIGN1", ""), inside("static const char x[] ALIGN1 = { 1, 2 };").defines());
    }

    @Test
    void anUnknownNameNextToAStringIsAStringMacro() {
        assertEquals(Map.of("BINDIR", "\"\""), inside("execl(BINDIR \"/helper\", \"helper\", (char *)0);").defines());
        assertEquals(Map.of("PRIu64", "\"\""), inside("printf(\"failed %\" PRIu64 \"\\n\", n);").defines());
        assertEquals(Map.of("PREFIX", "\"\"", "LIBDIR", "\"\""),
                topLevel("static const char *path = PREFIX \"/\" LIBDIR;").defines());
        assertEquals(Map.of("L_NAME", "\"\""), inside("f(u8\"x\" L_NAME);").defines(), "a prefixed literal is a string");
        assertTrue(inside("f('x' CHAR_AFTER);").defines().isEmpty(), "next to a character constant: no string");
        assertTrue(inside("execl(\n#ifdef DEBUG\n \"/bin/echo\"\n#else\n shell_path\n#endif\n, \"sh\", 0);").defines().isEmpty(),
                "a lower-case word next to a string in a skipped branch is likelier a variable");
        assertTrue(inside("f(\"a\" KNOWN \"b\");", "KNOWN").defines().isEmpty(), "a known macro is left as it is");
        assertEquals(Map.of("TR(...)", "__VA_ARGS__"), inside("puts(\"a\" TR(\"b\"));").defines(),
                "a function-like macro next to a string passes its tokens through");
    }

    @Test
    void anUnknownCallSpelledLikeALoopAndFollowedByAStatementIsALoop() {
        assertEquals(Map.of("SLIST_FOREACH(...)", MacroRecovery.LOOP),
                inside("SLIST_FOREACH(p, &pidlist, next)\n (void)_close(fileno(p->fp));").defines());
        assertEquals(Map.of("list_for_each_entry(...)", MacroRecovery.LOOP),
                inside("list_for_each_entry(pos, head, member) { close(pos->fd); }").defines());
        assertEquals(Map.of("HASH_FOREACH(...)", "__VA_ARGS__"), inside("n = HASH_FOREACH(table, f);").defines(),
                "followed by an operator or a ';' it is an expression");
        assertEquals(Map.of(), inside("for_each_fd(close_it);").defines(), "a lower-case call with a ';' is a function");
        for (String declaration : List.of("static SLIST_HEAD(, pid) pidlist = SLIST_HEAD_INITIALIZER(pidlist);",
                "SLIST_HEAD(, pid) pidlist = SLIST_HEAD_INITIALIZER(pidlist);", "static SLIST_HEAD(, pid) pidlist;")) {
            assertTrue(topLevel(declaration).defines().keySet().stream().noneMatch(name -> name.startsWith("pidlist")),
                    "the variable a type macro declares is no attribute: " + declaration);
        }
    }

    @Test
    void aKnownMacroCanHideAStringMacro() {
        Map<String, String> hidden = Map.of("TRUSTED_LDSO", "PREFIX \"lib/\" LDSO", "DIR", "TOP", "NUMBER", "SIZE + 1",
                "INIT_G", "do { G.dir = CRONTABS; } while (0)", "CRONTABS", "CROND_DIR \"/crontabs\"");
        assertEquals(Map.of("PREFIX", "\"\"", "LDSO", "\"\"", "TOP", "\"\"", "CROND_DIR", "\"\""),
                inside("execle(TRUSTED_LDSO, TRUSTED_LDSO, f, NULL, envp); puts(DIR \"/x\"); n = NUMBER; INIT_G();",
                        macros(hidden, Map.of()), Set.of("TRUSTED_LDSO", "DIR", "NUMBER", "NULL", "INIT_G", "CRONTABS")));
        assertEquals(Map.of("IF_MAPPING(...)", "__VA_ARGS__"), inside("getopt32(argv, OPTION_STR, &interfaces);",
                        macros(Map.of("OPTION_STR", "\"anvf\" IF_MAPPING(\"m\") \"i:\""), Map.of()), Set.of("OPTION_STR")),
                "an unknown function-like macro next to a string inside a known one passes its tokens through");
        Condition.Macros lisp = macros(Map.of("verify", "_GL_VERIFY (R, \"verify (\" #R \")\", -)", "CONSP", "XCONS (x) != 0"),
                Map.of("verify", Set.of("R"), "CONSP", Set.of("x")));
        assertEquals(Map.of(), inside("verify(n > 0); x = CONSP(y);", lisp, Set.of("verify", "CONSP")),
                "a stringified parameter and a call not next to a string are left alone");
        assertEquals(Map.of(), inside("LOG(\"a\");", macros(Map.of("LOG", "printf(\"x: \" FMT)"), Map.of("LOG", Set.of("FMT"))),
                Set.of("LOG")), "a parameter next to a string is no macro");
    }

    @Test
    void anUnknownMacroTakingAStatementInsideAKnownOnePassesThrough() {
        // busybox's init.c, without the generated header that defines the IF_ macros
        Condition.Macros init = macros(Map.of("INIT_G", "do { setup_common_bufsiz(); "
                + "IF_NOT_FEATURE_INIT_SYSLOG(G.log_console = VC_5;) } while (0)", "G", "(*ptr_to_globals)"), Map.of());
        assertEquals(Map.of("IF_NOT_FEATURE_INIT_SYSLOG(...)", "__VA_ARGS__"), inside("INIT_G(); x = 1 +;", init,
                Set.of("INIT_G", "G")));
        Condition.Macros deeper = macros(Map.of("SETUP", "INIT_G()", "INIT_G", "IF_X(a = 1;)",
                "EACH", "DO(x; y)", "RUN", "CHECK(({ int a; a = 1; }))"), Map.of("EACH", Set.of("DO")));
        assertEquals(Map.of("IF_X(...)", "__VA_ARGS__"), inside("SETUP; EACH(f); RUN(g);", deeper,
                Set.of("SETUP", "INIT_G", "EACH", "RUN")), "through another macro; not a parameter, nor a statement"
                + " expression's braces");
    }

    @Test
    void anUnknownMacroBeforeAVariableIsItsType() {
        assertEquals(Map.of("SLIST_HEAD(...)", "int", "SLIST_HEAD_INITIALIZER(...)", "__VA_ARGS__"),
                topLevel("static SLIST_HEAD(, pid) pidlist = SLIST_HEAD_INITIALIZER(pidlist);").defines());
        assertEquals(Map.of("TAILQ_HEAD(...)", "int"), topLevel("TAILQ_HEAD(tq, entry) queue;").defines());
        assertEquals(Map.of("SLIST_HEAD(...)", "int", "SLIST_HEAD_INITIALIZER(...)", "__VA_ARGS__"),
                topLevelFrom("static SLIST_HEAD(, pid) pidlist = SLIST_HEAD_INITIALIZER(pidlist);", ") pidlist"),
                "the parser took the macro for a function declarator, and what did not parse starts at its ')'");
        assertEquals(Map.of("EXPORT_SYMBOL(...)", "__VA_ARGS__"), topLevel("EXPORT_SYMBOL(spawn);").defines(),
                "a macro with no variable after it is no type");
        assertEquals(Map.of("SLIST_HEAD(...)", "int"), topLevel("typedef SLIST_HEAD(, pid) pid_list_t;").defines());
        for (String before : List.of("int x; // the list\n", "int x; /* the list */\n", "/* the list */ ",
                "char *url = \"http://x\";\n")) {
            String code = before + "static SLIST_HEAD(, pid) pidlist;";
            assertEquals(Map.of("SLIST_HEAD(...)", "int"), topLevelFrom(code, "static"), code);
        }
        assertFalse(topLevelFrom("extern pid_t /* the child */\n__fork_child(pid_t) attribute_hidden;", "__fork").containsValue("int"),
                "a comment between a type and a function is no declaration's start");
        String header = "extern void __reset_thread (pid_t) attribute_hidden;\nextern int __other (void) attribute_hidden;";
        for (String from : List.of("__reset_thread", "__other")) {
            assertFalse(topLevelFrom(header, from).containsValue("int"),
                    "a function declared with an attribute, where the parser gave up after its type, is no type macro");
        }
    }

    @Test
    void aTopLevelMacroOfStringsAloneIsDropped() {
        assertEquals(Map.of("__FBSDID(...)", ""), topLevel("__FBSDID(\"$FreeBSD$\");").defines());
        assertEquals(Map.of("__RCSID(...)", ""), topLevel("__RCSID(\"$NetBSD: popen.c $\" \"x\");").defines());
        assertEquals(Map.of("GLOBALS(...)", "__VA_ARGS__"), topLevel("GLOBALS(char *s = \"x\";)").defines());
    }

    @Test
    void aKnownTypeIsNotAnAttribute() {
        assertEquals(Map.of("FAST_FUNC", ""), topLevel("static my_t FAST_FUNC f(void) { }", "my_t").defines());
        assertTrue(topLevel("int f(p) pid_t p; { }").defines().isEmpty(), "K&R parameter declarations are types");
    }

    @Test
    void unknownMacroCallsPassTheirTokensThroughAndAlternativesAreDropped() {
        assertEquals(Map.of("IF_FEATURE_X(...)", "__VA_ARGS__"), topLevel("int f3(IF_FEATURE_X(int sock,) char *p) { }").defines());
        assertEquals(Map.of("__P(...)", "__VA_ARGS__"), topLevel("int f4 __P((int a, char *b));").defines());
        assertEquals(Map.of("IF_A(...)", "__VA_ARGS__", "IF_NOT_A(...)", ""),
                topLevel("static int f(IF_A(int sock) IF_NOT_A(void)) { }").defines());
        assertEquals(Map.of("GLOBALS(...)", "__VA_ARGS__"), topLevel("GLOBALS(int x; char *y;)").defines());
        assertEquals(Map.of("IF_Y(...)", "__VA_ARGS__"), inside("opt = getopt32(argv, \"ab\" IF_Y(\"c\"));").defines(),
                "a lower-case name is a function whose declaration is missing");
    }

    @Test
    void ofTwoAlternativesTheOneAlsoAroundAQualifierAloneIsTheOneDropped() {
        // busybox nc.c: IF_NOT_NC_EXTRA wraps const earlier, so IF_NC_EXTRA's declaration is the one read
        String code = "IF_NOT_NC_EXTRA(const) unsigned w = 0;\n"
                + "IF_NOT_NC_EXTRA(const int p = 0;)\nIF_NC_EXTRA(char **p = NULL;)\n"
                + "IF_NC_EXTRA(execv(p[0], p);)\n";
        assertEquals(Map.of("IF_NOT_NC_EXTRA(...)", "", "IF_NC_EXTRA(...)", "__VA_ARGS__"), inside(code).defines());
        // the qualifier written after the pair decides too
        String later = "IF_NOT_X(const int p = 0;)\nIF_X(char **p = NULL;)\nIF_NOT_X(const) unsigned w = 0;\n";
        assertEquals(Map.of("IF_NOT_X(...)", "", "IF_X(...)", "__VA_ARGS__"), inside(later).defines());
        assertEquals(Map.of("IF_A(...)", "__VA_ARGS__", "IF_B(...)", "", "IF_C(...)", ""),
                inside("f(\"x\" IF_A(\"a\") IF_B(\"b\") IF_C(\"c\"));").defines(), "a run of three: the first only");
    }

    @Test
    void aMacroInPlaceOfAFunctionHeadIsRewrittenInPlace() {
        String code = "DEFUN (\"call-process\", Fcall_process, Scall_process, 1, MANY, 0,\n       doc: /* x */)\n  (ptrdiff_t nargs, Lisp_Object *args)\n{\n  return vfork();\n}\n";
        MacroRecovery.Fixes fixes = topLevel(code);
        assertEquals(1, fixes.rewrites().size(), fixes.toString());
        ServedSources.Rewrite r = fixes.rewrites().get(0);
        assertEquals("int Fcall_process", r.text());
        assertEquals(0, r.from());
        assertEquals(code.indexOf("*/)") + 3, r.to());
        assertEquals("Fcall_process", DeclarationShape.functionName(code.toCharArray(), 0, code.length()));
    }

    @Test
    void functionNamesAreReadPastMacros() {
        assertEquals("f1", DeclarationShape.functionName("void FAST_FUNC f1(int x) { }".toCharArray(), 0, 28));
        String k = "int f4 __P((int a));";
        assertEquals("f4", DeclarationShape.functionName(k.toCharArray(), 0, k.length()));
        assertFalse(MacroRecovery.macroLooking("fork"));
        assertTrue(MacroRecovery.macroLooking("__P"));
    }

    /** Top-level code, with the unit's macros: their names are the known ones. */
    private static Map<String, String> topLevel(String code, Condition.Macros macros, Set<String> known) {
        char[] text = code.toCharArray();
        return MacroRecovery.of(text, List.of(new MacroRecovery.Region(0, text.length, true)), known, macros).defines();
    }

    @Test
    void anAttributeCallAtTheFrontOfAKnownMacroThatBeginsADeclarationIsDropped() {
        // Emacs' DEFUN, with lisp.h read and config.h (where ATTRIBUTE_SECTION is) not there
        Condition.Macros lisp = macros(Map.of(
                "DEFUN", "SUBR_SECTION_ATTRIBUTE static union Aligned_Lisp_Subr sname = "
                        + "{{{ PVEC_SUBR << PSEUDOVECTOR_AREA_BITS }, { .a ## maxargs = fnname }, minargs, maxargs, lname, {intspec}, 0}}; "
                        + "Lisp_Object fnname",
                "SUBR_SECTION_ATTRIBUTE", "ATTRIBUTE_SECTION (\".subrs\")",
                "FORMATTED", "static __attribute__((unused)) _GL_ATTRIBUTE_FORMAT ((__printf__, 1, 2)) void"),
                Map.of("DEFUN", Set.of("lname", "fnname", "sname", "minargs", "maxargs", "intspec", "doc")));
        Set<String> known = Set.of("DEFUN", "SUBR_SECTION_ATTRIBUTE", "FORMATTED", "Lisp_Object", "PVEC_SUBR",
                "PSEUDOVECTOR_AREA_BITS", "Aligned_Lisp_Subr");
        String defun = "DEFUN (\"processp\", Fprocessp, Sprocessp, 1, 1, 0,\n       doc: /* Is it a process? */)\n"
                + "  (Lisp_Object object)\n{\n  return object;\n}\n";
        assertEquals(Map.of("ATTRIBUTE_SECTION(...)", ""), topLevel(defun, lisp, known));
        // after keywords and a known attribute, and with one parenthesised list of arguments
        // (the words inside its parentheses are taken for attributes too, as known macros in the
        // specifiers have been read since before this rule: __printf__ among them)
        assertEquals(Map.of("_GL_ATTRIBUTE_FORMAT(...)", "", "__printf__", ""),
                topLevel("FORMATTED log_it (const char *fmt, ...);\n", lisp, known));
        // a call that takes names is a type's macro, not an attribute; nor is one that follows the type
        Condition.Macros queue = macros(Map.of("LIST_OF_PIDS", "static SLIST_HEAD(pids, pid)",
                "AFTER_THE_TYPE", "static int ATTRIBUTE_SECTION (\".x\")"), Map.of());
        Set<String> queueKnown = Set.of("LIST_OF_PIDS", "AFTER_THE_TYPE");
        assertFalse(topLevel("LIST_OF_PIDS pidlist = { 0 };\n", queue, queueKnown).containsKey("SLIST_HEAD(...)"));
        assertFalse(topLevel("AFTER_THE_TYPE counter;\n", queue, queueKnown).containsKey("ATTRIBUTE_SECTION(...)"));
        // __attribute__ with no parentheses after it is read past like any keyword
        Condition.Macros bare = macros(Map.of("BARE", "__attribute__ static SECTION_OF(\".x\") int"), Map.of());
        assertEquals("", topLevel("BARE counter;\n", bare, Set.of("BARE")).get("SECTION_OF(...)"));
    }

    @Test
    void aConstructEndsWhereReadingTheWholeRestOfTheFileSaysSoWhateverItsLength() {
        // Pieces whose braces and semicolons do not count (in comments, strings, directives), so
        // that a window cut through one of them would end the construct in the wrong place.
        String[] pieces = {"f(a, b)", ";", "{", "}", "x = 1", " /* } ; { */ ", "\"};{\"", "'}'", "\n#define X }\n",
                " // ; }\n", "[", "]", "(", ")", "int y", "\n", " ".repeat(700), "/* " + "}".repeat(300) + " */"};
        java.util.Random random = new java.util.Random(20261130);
        for (int round = 0; round < 200; round++) {
            StringBuilder code = new StringBuilder();
            while (code.length() < 30_000) {
                code.append(pieces[random.nextInt(pieces.length)]);
            }
            char[] text = code.toString().toCharArray();
            for (int k = 0; k < 20; k++) {
                int from = random.nextInt(text.length);
                assertEquals(wholeRestConstructEnd(text, from), DeclarationShape.constructEnd(text, from),
                        "round " + round + ", from " + from);
            }
        }
    }

    /** The construct's end found by tokenizing everything after {@code from}, as it was done before windows. */
    private static int wholeRestConstructEnd(char[] text, int from) {
        int end = DeclarationShape.constructEnd(CTokens.of(text, from, text.length, true));
        return end < 0 ? text.length : end;
    }
}
