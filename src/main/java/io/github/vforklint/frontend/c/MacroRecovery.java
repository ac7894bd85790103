package io.github.vforklint.frontend.c;

import io.github.vforklint.knowledge.NameSpelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads code that did not parse because of macros no available header defines, the way a human
 * reader would, and says how to make it parse:
 * <ul>
 * <li>an unknown identifier where attributes go ({@code void FAST_FUNC f(...)},
 * {@code static NOINLINE int f}, {@code int argc UNUSED_PARAM}, {@code f(...) NORETURN;}) is an
 * attribute: defined empty;</li>
 * <li>an unknown function-like macro inside a declaration or statement ({@code IF_FEATURE_X(int sock,)},
 * K&amp;R {@code __P((int a))}, {@code GLOBALS(int x;)}) or among an enum's enumerators
 * ({@code IF_FEATURE_X(OPTBIT_X,)}) passes its tokens through, and so does one that takes a
 * statement inside a known macro a statement uses (busybox's {@code INIT_G()});</li>
 * <li>an unknown name written next to a string literal ({@code BINDIR "/sh"}, {@code "%" PRIu64 "\n"})
 * stands for a string ({@link StringMacros});</li>
 * <li>an unknown call spelled like a loop ({@code SLIST_FOREACH(...)}, {@code list_for_each(...)})
 * and followed by a statement is a loop whose condition is unknown;</li>
 * <li>an unknown macro before a variable's name where a declaration begins
 * ({@code static SLIST_HEAD(, pid) pidlist = ...}) is its type; one of strings alone at file
 * scope ({@code __FBSDID("$FreeBSD$");}) is dropped;</li>
 * <li>a function-like macro in place of a whole function head, followed by a parameter list and a
 * body (Emacs' {@code DEFUN ("name", Fname, Sname, ...) (args) {...}}), is rewritten in place
 * (offsets and lines kept) to {@code int Fname}, its first identifier argument.</li>
 * </ul>
 */
final class MacroRecovery {

    /** What to change for the next parse. */
    record Fixes(Map<String, String> defines, List<ServedSources.Rewrite> rewrites) {
        static final Fixes NONE = new Fixes(Map.of(), List.of());

        /**
         * Sorted, so that where a guess names both {@code X} and {@code X(...)} the same one is
         * defined last, and kept, in every run.
         */
        Fixes {
            defines = java.util.Collections.unmodifiableMap(new TreeMap<>(defines));
            rewrites = List.copyOf(rewrites);
        }

        /** The parse that applies them. */
        CParser.Shaping shaping() {
            return new CParser.Shaping(Set.of(), defines, Set.of(), rewrites);
        }

        /** These fixes and {@code more}; what these say about a name wins. */
        Fixes with(Fixes more) {
            Map<String, String> d = new TreeMap<>(more.defines);
            d.putAll(defines);
            List<ServedSources.Rewrite> r = new ArrayList<>(rewrites);
            for (ServedSources.Rewrite w : more.rewrites) {
                if (!r.contains(w)) {
                    r.add(w);
                }
            }
            return new Fixes(d, r);
        }

        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Fixes other
                    && Objects.equals(defines, other.defines)
                    && Objects.equals(rewrites, other.rewrites);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(defines) + Objects.hashCode(rewrites);
        }
    }

    /** A stretch of the file the parser could not read. */
    record Region(int from, int to, boolean topLevel) {
    }

    static final Set<String> KEYWORDS = Set.of(
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
            "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
            "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
            "_Bool", "_Complex", "_Imaginary", "_Atomic", "_Noreturn", "_Thread_local", "_Alignas", "_Alignof",
            "_Static_assert", "_Generic", "__attribute__", "__attribute", "__extension__", "__inline__", "__inline",
            "__asm__", "__asm", "asm", "__restrict", "__restrict__", "__const", "__const__", "__volatile__",
            "__volatile", "__signed__", "__signed", "typeof", "__typeof__", "__typeof", "__thread", "__label__",
            "__builtin_va_list", "__builtin_offsetof", "__alignof__", "__int128", "__complex__", "__real__", "__imag__");

    private static final Set<String> TYPE_KEYWORDS = Set.of("char", "double", "float", "int", "long", "short",
            "signed", "unsigned", "void", "_Bool", "_Complex", "struct", "union", "enum", "__int128",
            "__builtin_va_list", "typeof", "__typeof__", "__typeof", "__signed__", "__signed");

    private final char[] text;
    private final SurroundingCode around;
    private final Set<String> known;
    private final Condition.Macros expansions;
    private final Map<String, String> defines = new TreeMap<>();
    private final List<ServedSources.Rewrite> rewrites = new ArrayList<>();
    private final StringMacros strings;
    /** Macros dropped for wrapping a qualifier alone, by {@link #qualifierMacros}. */
    private final Set<String> qualifierOnly = new java.util.HashSet<>();

    /**
     * @param known      macros and declared names of the unit: these are not unknown
     * @param expansions the replacement text of the unit's macros (null for a name that is none)
     */
    private MacroRecovery(char[] text, Set<String> known, Condition.Macros expansions) {
        this.text = text;
        this.around = new SurroundingCode(text);
        this.known = known;
        this.expansions = expansions;
        this.strings = new StringMacros(this::unknown, expansions);
    }

    /** The fixes for the regions of {@code text} that did not parse. */
    static Fixes of(char[] text, List<Region> regions, Set<String> known) {
        return of(text, regions, known, name -> null);
    }

    /** The fixes for the regions of {@code text} that did not parse, looking into the unit's macros too. */
    static Fixes of(char[] text, List<Region> regions, Set<String> known, Condition.Macros expansions) {
        MacroRecovery recovery = new MacroRecovery(text, known, expansions);
        List<List<CTokens.Token>> read = new ArrayList<>();
        for (Region r : regions) {
            List<CTokens.Token> tokens = CTokens.of(text, recovery.around.afterWordPart(r.from()), Math.min(text.length, r.to()), true);
            recovery.qualifierMacros(tokens);
            recovery.strings.read(tokens);
            read.add(tokens);
        }
        // strings first: a word next to a string literal is a string wherever else it stands
        recovery.strings.strings().forEach(recovery.defines::putIfAbsent);
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).topLevel()) {
                recovery.declaration(read.get(i));
            } else {
                recovery.statement(read.get(i));
            }
        }
        // after the file's own calls, whose neighbours can make one of them an alternative dropped
        recovery.strings.hiddenCalls().forEach(recovery::passThrough);
        return new Fixes(recovery.defines, recovery.rewrites);
    }

    private void declaration(List<CTokens.Token> tokens) {
        if (!tokens.isEmpty() && around.insideAnEnum(tokens.get(0).start())) {
            enumerators(tokens);
            return;
        }
        List<CTokens.Token> head = DeclarationShape.head(tokens);
        if (head.isEmpty()) {
            return;
        }
        if (head.get(0).isIdentifier() && known.contains(head.get(0).text())) {
            attributeCallsLeading(head.get(0).text(), 0, new java.util.HashSet<>());
        }
        if (head.get(0).is(")")) {
            // the end of a declaration the parser took up to its parameter list, or to a type
            // macro's arguments: read from the macro's name
            int macro = around.calledNameBefore(head.get(0).start());
            List<CTokens.Token> fromMacro = macro < 0 ? List.of() : CTokens.of(text, macro, tokens.get(tokens.size() - 1).end(), true);
            int closing = fromMacro.size() > 2 && fromMacro.get(1).is("(") ? CTokens.matching(fromMacro, 1) : -1;
            if (closing > 0 && fromMacro.get(0).isIdentifier() && unknown(fromMacro.get(0).text())
                    && around.startsADeclaration(macro) && standsAlone(fromMacro, closing)) {
                drop(fromMacro.get(0).text());
                return;
            }
            if (macro < 0 || !typeMacro(fromMacro)) {
                afterParameters(head, 1);
            }
            return;
        }
        if (head.size() >= 2 && head.get(0).isIdentifier() && head.get(1).is("(") && !macroLooking(head.get(0).text())
                && head.size() < tokens.size() && tokens.get(head.size()).is("{")) {
            // a function's definition whose specifiers the parser read apart: its name is no macro
            attributeBeforeTheHead(head.get(0).start());
            int close = CTokens.matching(head, 1);
            if (close > 0) {
                parameters(head, 2, close);
                afterParameters(head, close + 1);
            }
            return;
        }
        if (typeMacro(tokens)) {
            return;
        }
        attributeBeforeTheEnd(tokens);
        if (head.size() >= 2 && head.get(0).isIdentifier() && head.get(1).is("(") && unknown(head.get(0).text())) {
            int close = CTokens.matching(head, 1);
            if (close < 0) {
                return;
            }
            boolean bodyFollows = close + 1 < head.size() && head.get(close + 1).is("(")
                    && head.size() < tokens.size() && tokens.get(head.size()).is("{");
            if (bodyFollows) {
                String name = DeclarationShape.firstIdentifier(head, 2, close);
                if (name != null) {
                    rewrite(head.get(0), head.get(close), "int " + name);
                    return;
                }
            }
            if (StringMacros.onlyStrings(head, 2, close)) {
                // BSD's __FBSDID("$FreeBSD$"); and __RCSID(...): an identification string, no declaration
                drop(head.get(0).text());
                return;
            }
            if (around.startsADeclaration(head.get(0).start()) && standsAlone(tokens, close)) {
                drop(head.get(0).text());
                // and those written one per line after it (glibc's strong_alias, then libc_hidden_weak)
                int c = close;
                while (c + 2 < tokens.size() && tokens.get(c + 1).isIdentifier() && tokens.get(c + 2).is("(")
                        && unknown(tokens.get(c + 1).text()) && around.lineBreak(tokens.get(c).end(), tokens.get(c + 1).start())) {
                    int next = CTokens.matching(tokens, c + 2);
                    if (next < 0 || !standsAlone(tokens.subList(c + 1, tokens.size()), next - c - 1)) {
                        break;
                    }
                    drop(tokens.get(c + 1).text());
                    c = next;
                }
                return;
            }
            passThrough(head.get(0).text());
            macroCalls(head, 2, close);
            return;
        }
        int name = DeclarationShape.declaratorName(head);
        if (name < 0) {
            macroCalls(head, 0, head.size());
            return;
        }
        specifiers(head, name);
        int open = name + 1;
        if (!head.get(open).is("(")) {
            // name MACRO((parameters)): K&R's __P
            passThrough(head.get(open).text());
            open++;
        }
        int close = CTokens.matching(head, open);
        if (close < 0) {
            return;
        }
        parameters(head, open + 1, close);
        afterParameters(head, close + 1);
    }

    /**
     * A known macro used in a statement can hide an unknown one: busybox's {@code INIT_G()} in
     * init.c is {@code do { setup_common_bufsiz(); IF_NOT_FEATURE_INIT_SYSLOG(G.log_console =
     * VC_5;) } while (0)}, and the IF_ macro comes from a header that is generated. An unknown
     * macro call in its replacement that takes a statement (a {@code ;} among its arguments, which
     * no function call has) passes its tokens through; other calls there may be functions.
     */
    private void callsInside(String macro, int depth, Set<String> visited) {
        List<CTokens.Token> tokens = expansionTokens(macro, depth, visited);
        Set<String> parameters = expansions.parametersOf(macro);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (unknownMacroCall(tokens, i) && !parameters.contains(t.text()) && DeclarationShape.takesAStatement(tokens, i + 1)) {
                passThrough(t.text());
            }
        }
        for (CTokens.Token t : tokens) {
            if (t.isIdentifier() && known.contains(t.text()) && !parameters.contains(t.text())) {
                callsInside(t.text(), depth + 1, visited);
            }
        }
    }

    /**
     * The rest of an enumerator list the parser gave up on at an unknown macro (busybox's tar.c
     * lists {@code IF_FEATURE_TAR_CREATE(OPTBIT_CREATE,)} among its enumerators): each unknown
     * macro call up to the list's end is an enumerator that some configuration has, and passes
     * through; the other words are enumerators, not a declaration's attributes.
     */
    private void enumerators(List<CTokens.Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            int nesting = DeclarationShape.nesting(t);
            if (t.is("}") && depth == 0) {
                return;
            }
            if (nesting != 0) {
                depth = Math.max(0, depth + nesting);
            } else if (unknownMacroCall(tokens, i)) {
                passThrough(t.text());
            }
        }
    }

    /**
     * Whether the call that closes at {@code close} stands on its own at file scope: no {@code ;}
     * after it, and on the next line another declaration (one that declares a function, or begins
     * with {@code extern}, {@code static} or {@code typedef}) or nothing. C libraries' alias and
     * visibility macros are written so (glibc's {@code strong_alias(__vfork, vfork)}, uClibc-ng's
     * {@code libc_hidden_proto(pipe)}, BSD's {@code __weak_alias(popen, _popen)}); passed through,
     * the next declaration would be read as part of them. A K&amp;R definition's parameter
     * declarations declare no function, and end in a {@code ;} before its body; a macro with
     * anything but names among its arguments is no alias. The caller checks that the call begins a
     * declaration: a function declarator ({@code extern ptrdiff_t evxprintf (...)}) followed by
     * an attribute macro on its next line is none.
     */
    private boolean standsAlone(List<CTokens.Token> tokens, int close) {
        for (int i = 2; i < close; i++) {
            CTokens.Token t = tokens.get(i);
            if (!(t.is(",") || t.isIdentifier() && !TYPE_KEYWORDS.contains(t.text()) || t.type() == CTokens.Type.NUMBER)) {
                // an alias names functions; declarations (toybox's GLOBALS(int x; char *y;)) or a
                // type (libjpeg's METHODDEF(void) before a function's name) make another macro
                return false;
            }
        }
        if (close + 1 >= tokens.size()) {
            return true;
        }
        CTokens.Token next = tokens.get(close + 1);
        if (!around.lineBreak(tokens.get(close).end(), next.start())) {
            return false;
        }
        if (next.is("extern") || next.is("static") || next.is("typedef")) {
            return true;
        }
        int depth = 0;
        for (int i = close + 1; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (t.is("(")) {
                CTokens.Token before = tokens.get(i - 1);
                if (depth == 0 && before.isIdentifier() && !KEYWORDS.contains(before.text())) {
                    return true;
                }
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (depth == 0 && (t.is(";") || t.is("{"))) {
                return false;
            }
        }
        return false;
    }

    /**
     * An unknown macro-looking word between a variable's declarator and its initializer or end
     * ({@code static const uint16_t http_response_type[] ALIGN2 = {...}}, busybox's alignment
     * macros, also after a struct's body: <code>} redir_table[] ALIGN4 = {</code>) is an attribute: after
     * an array's or a function's brackets, or after a name that follows a type keyword or {@code *}.
     */
    private void attributeBeforeTheEnd(List<CTokens.Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            depth += DeclarationShape.nesting(t);
            if (depth == 0 && (t.is("=") || t.is(";"))) {
                pointerAfterABasicType(tokens, i);
                if (i >= 3) {
                    CTokens.Token word = tokens.get(i - 1);
                    CTokens.Token before = tokens.get(i - 2);
                    CTokens.Token type = tokens.get(i - 3);
                    boolean declarator = before.is("]") || before.is(")")
                            || before.isIdentifier() && !KEYWORDS.contains(before.text())
                            && (type.is("*") || TYPE_KEYWORDS.contains(type.text()));
                    // capitalised only: a reserved name there is a C library's variable (uClibc-ng's
                    // int attribute_hidden __libc_argc;)
                    if (declarator && word.isIdentifier() && unknown(word.text()) && NameSpelling.capitalised(word.text())) {
                        attribute(word.text());
                    }
                }
                return;
            }
        }
    }

    /**
     * After a basic type keyword, an unknown word followed by a pointer's star ({@code char
     * attribute_hidden **__libc_argv;} in uClibc-ng) is an attribute, whatever its case: the
     * variable comes after the stars. Not so before a name ({@code int verbose __read_mostly}),
     * where either word may be the variable.
     */
    private void pointerAfterABasicType(List<CTokens.Token> tokens, int end) {
        for (int i = 0; i + 2 < end; i++) {
            CTokens.Token type = tokens.get(i);
            CTokens.Token word = tokens.get(i + 1);
            if (TYPE_KEYWORDS.contains(type.text()) && !type.is("struct") && !type.is("union") && !type.is("enum")
                    && word.isIdentifier() && unknown(word.text()) && !TYPE_KEYWORDS.contains(word.text())
                    && tokens.get(i + 2).is("*")) {
                attribute(word.text());
            }
        }
    }

    /**
     * A function head the parser read apart from the line before it ({@code static void
     * attribute_noreturn} then {@code exec_comm_child(...)}, in uClibc-ng's wordexp.c): after a
     * type keyword, a last unknown word before the name is an attribute, whatever its case; a
     * type cannot follow {@code void}. Read backwards to the end of the previous declaration.
     */
    private void attributeBeforeTheHead(int head) {
        List<String> words = around.wordsBefore(head);
        if (words.size() < 2) {
            return;
        }
        String last = words.get(words.size() - 1);
        String before = words.get(words.size() - 2);
        boolean typed = words.subList(0, words.size() - 1).stream().anyMatch(TYPE_KEYWORDS::contains);
        if (typed && unknown(last) && !SurroundingCode.STORAGE.contains(last) && !TYPE_KEYWORDS.contains(last)
                && !before.equals("struct") && !before.equals("union") && !before.equals("enum")) {
            attribute(last);
        }
    }

    /**
     * Inside a function: unknown macro calls pass through, and an unknown capitalised word after a
     * declarator and before its initializer or end ({@code IACIAC[] ALIGN1 = ...}) is an attribute.
     */
    private void statement(List<CTokens.Token> tokens) {
        loopMacros(tokens);
        macroCalls(tokens, 0, tokens.size());
        Set<String> visited = new java.util.HashSet<>();
        for (CTokens.Token t : tokens) {
            if (t.isIdentifier() && known.contains(t.text())) {
                callsInside(t.text(), 0, visited);
            }
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            CTokens.Token before = tokens.get(i - 1);
            CTokens.Token after = tokens.get(i + 1);
            if (t.isIdentifier() && unknown(t.text()) && macroLooking(t.text())
                    && (before.is("]") || before.isIdentifier() && !KEYWORDS.contains(before.text()))
                    && (after.is("=") || after.is(";") || after.is(","))) {
                attribute(t.text());
            }
        }
    }

    /**
     * An unknown call spelled like a loop ({@code SLIST_FOREACH(p, &pidlist, next)}, the kernel's
     * {@code list_for_each_entry(pos, head, member)}) and followed by a statement ({@code {}, a
     * word, or a {@code (} opening a cast), not by an operator or a {@code ;}, is a loop header
     * from a header the scan did not read (BSD's sys/queue.h, Linux's list.h): a loop whose
     * condition is unknown, so its body is analysed as running any number of times (FreeBSD's
     * popen() closes the other streams' descriptors so, in its vfork child).
     */
    private void loopMacros(List<CTokens.Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (!t.isIdentifier() || !tokens.get(i + 1).is("(") || !unknown(t.text()) || !spelledLikeALoop(t.text())) {
                continue;
            }
            int close = CTokens.matching(tokens, i + 1);
            if (close > 0 && close + 1 < tokens.size()
                    && (tokens.get(close + 1).is("{") || tokens.get(close + 1).is("(") || tokens.get(close + 1).isIdentifier())) {
                defines.putIfAbsent(t.text() + "(...)", LOOP);
            }
        }
    }

    /**
     * The loop a loop macro is read as: its arguments evaluated, then a condition no analysis can
     * fold (an undeclared name), whatever the last argument is ({@code for_each_set_bit(b, &m, 0)}).
     * The iterator's assignments are not known, so a write to it is not seen.
     */
    static final String LOOP = "while ((__VA_ARGS__ + 0), __vforklint_unknown_condition)";

    private static boolean spelledLikeALoop(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("foreach") || lower.contains("for_each");
    }

    /**
     * A macro around a qualifier alone ({@code IF_NOT_FEATURE_X(const) int n = 0}) is dropped,
     * wherever else the file uses it: the variable is constant in one configuration only, and
     * kept, folding it would make dead the code the other runs. Decided before any other use, so
     * that the macro's alternative ({@code IF_FEATURE_X}) is the one that passes through.
     */
    private void qualifierMacros(List<CTokens.Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (unknownMacroCall(tokens, i) && DeclarationShape.onlyQualifiers(tokens, i + 1, tokens.size())) {
                drop(t.text());
                qualifierOnly.add(t.text());
            }
        }
    }

    /**
     * A variable whose type is an unknown macro ({@code static SLIST_HEAD(, pid) pidlist =
     * SLIST_HEAD_INITIALIZER(pidlist);} from BSD's sys/queue.h): the macro stands for a type, and
     * an unknown macro after {@code =} for its initializer. Declared so, the variable is one the
     * parent owns, wherever the child writes it.
     */
    private boolean typeMacro(List<CTokens.Token> tokens) {
        int i = 0;
        while (i < tokens.size() && SurroundingCode.STORAGE.contains(tokens.get(i).text())) {
            i++;
        }
        if (i + 1 >= tokens.size() || !tokens.get(i).isIdentifier() || !tokens.get(i + 1).is("(")
                || !unknown(tokens.get(i).text()) || !macroLooking(tokens.get(i).text())) {
            return false;
        }
        int close = CTokens.matching(tokens, i + 1);
        if (close < 0 || close + 2 >= tokens.size() || !around.startsADeclaration(tokens.get(0).start())) {
            return false;
        }
        for (int k = i + 2; k < close; k++) {
            if (TYPE_KEYWORDS.contains(tokens.get(k).text()) || tokens.get(k).is("*")) {
                // a parameter list: f(void) attribute_hidden; is a function
                return false;
            }
        }
        CTokens.Token name = tokens.get(close + 1);
        CTokens.Token after = tokens.get(close + 2);
        if (!name.isIdentifier() || KEYWORDS.contains(name.text()) || macroLooking(name.text())
                || !(after.is("=") || after.is(";") || after.is(",") || after.is("["))) {
            return false;
        }
        defines.putIfAbsent(tokens.get(i).text() + "(...)", "int");
        if (after.is("=") && close + 4 < tokens.size() && tokens.get(close + 3).isIdentifier()
                && tokens.get(close + 4).is("(") && unknown(tokens.get(close + 3).text())) {
            passThrough(tokens.get(close + 3).text());
        }
        return true;
    }

    /**
     * Unknown function-like macros in {@code [from, to)} pass their tokens through; of two
     * written one after the other with nothing between them ({@code IF_X(int sock) IF_NOT_X(void)}),
     * one only, the first unless it wraps a qualifier alone elsewhere: they are alternatives a configuration
     * chooses between (busybox's nc.c declares {@code execparam} in both, and dropping both would
     * drop its exec too). Lower-case names are functions whose declaration is missing, not macros.
     */
    private void macroCalls(List<CTokens.Token> tokens, int from, int to) {
        int previousEnd = -1;
        String previous = null;
        for (int i = from; i + 1 < to; i++) {
            CTokens.Token t = tokens.get(i);
            if (unknownMacroCall(tokens, i)
                    && (i == 0 || !tokens.get(i - 1).is("."))
                    && (i == 0 || !tokens.get(i - 1).is(">") || i < 2 || !tokens.get(i - 2).is("-"))) {
                int close = CTokens.matching(tokens, i + 1);
                boolean alternative = previousEnd == i - 1 && previousEnd >= 0;
                if (alternative && !qualifierOnly.contains(previous) || DeclarationShape.onlyQualifiers(tokens, i + 1, to)) {
                    drop(t.text());
                } else {
                    passThrough(t.text());
                }
                if (close > 0) {
                    previousEnd = close;
                    previous = t.text();
                }
            }
        }
    }

    /** Before the declarator name: unknown identifiers other than the one taken as the type are attributes. */
    private void specifiers(List<CTokens.Token> head, int name) {
        List<Integer> unknowns = new ArrayList<>();
        boolean typed = false;
        boolean pointer = false;
        for (int i = 0; i < name; i++) {
            CTokens.Token t = head.get(i);
            if (t.is("*")) {
                pointer = true;
            }
            if (!t.isIdentifier()) {
                continue;
            }
            if (TYPE_KEYWORDS.contains(t.text()) || known.contains(t.text()) && !KEYWORDS.contains(t.text())) {
                attributesInside(t.text(), 0, new java.util.HashSet<>());
                typed |= !pointer;
                if (TYPE_KEYWORDS.contains(t.text()) && (t.is("struct") || t.is("union") || t.is("enum"))) {
                    i++;
                }
                continue;
            }
            if (KEYWORDS.contains(t.text())) {
                continue;
            }
            if (i + 1 < name && head.get(i + 1).is("(")) {
                if (DeclarationShape.onlyQualifiers(head, i + 1, name)) {
                    // busybox's IF_NOT_FEATURE_X(const) int n = 0: const in one configuration only;
                    // kept, constant folding would make dead the code the other configuration runs
                    drop(t.text());
                } else {
                    passThrough(t.text());
                }
                continue;
            }
            if (pointer) {
                attribute(t.text());
            } else {
                unknowns.add(i);
            }
        }
        if (unknowns.isEmpty()) {
            return;
        }
        int type = -1;
        if (!typed) {
            for (int k = unknowns.size() - 1; k >= 0 && type < 0; k--) {
                if (!macroLooking(head.get(unknowns.get(k)).text())) {
                    type = unknowns.get(k);
                }
            }
            if (type < 0) {
                type = unknowns.get(unknowns.size() - 1);
            }
        }
        for (int i : unknowns) {
            if (i != type) {
                attribute(head.get(i).text());
            }
        }
    }

    /** How deep {@link #attributesInside} and {@link StringMacros} follow macros into macros. */
    static final int EXPANSION_DEPTH = 4;

    /** The tokens of a known macro's replacement, once a search and no deeper than {@link #EXPANSION_DEPTH}; else none. */
    private List<CTokens.Token> expansionTokens(String macro, int depth, Set<String> visited) {
        String expansion = depth < EXPANSION_DEPTH && visited.add(macro) ? expansions.valueOf(macro) : null;
        if (expansion == null || expansion.isBlank()) {
            return List.of();
        }
        char[] chars = expansion.toCharArray();
        return CTokens.of(chars, 0, chars.length, true);
    }

    /**
     * A known macro in a declaration's specifiers can hide an unknown one: Emacs' {@code static
     * AVOID f(...)} is {@code _Noreturn ATTRIBUTE_COLD void}, and {@code ATTRIBUTE_COLD} is
     * {@code _GL_ATTRIBUTE_COLD} from a config.h that is not there. Unknown macro-looking words in
     * such an expansion are attributes too.
     */
    private void attributesInside(String macro, int depth, Set<String> visited) {
        List<CTokens.Token> tokens = expansionTokens(macro, depth, visited);
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (!t.isIdentifier() || i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                continue;
            }
            if (unknown(t.text()) && macroLooking(t.text())) {
                attribute(t.text());
            } else if (known.contains(t.text())) {
                attributesInside(t.text(), depth + 1, visited);
            }
        }
    }

    /**
     * A known macro that begins a declaration can begin with an unknown attribute macro: Emacs'
     * {@code DEFUN(...)} is {@code SUBR_SECTION_ATTRIBUTE static union Aligned_Lisp_Subr sname = ...;
     * Lisp_Object fnname}, {@code SUBR_SECTION_ATTRIBUTE} is {@code ATTRIBUTE_SECTION (".subrs")},
     * and that one is defined in a config.h that is not there: every function written with
     * {@code DEFUN} failed to parse. Its replacement is read from the front, into the known macros
     * it begins with, over keywords and {@code __attribute__}, to the first other word: an unknown
     * call there whose arguments are only strings and numbers, or one parenthesised list (GCC's
     * attributes: {@code (".subrs")}, {@code ((__printf__, 1, 2))}), is an attribute, dropped. A
     * type macro ({@code SLIST_HEAD(, pid)}) takes names, and stays.
     */
    private void attributeCallsLeading(String macro, int depth, Set<String> visited) {
        List<CTokens.Token> tokens = expansionTokens(macro, depth, visited);
        for (int i = 0; i < tokens.size(); i++) {
            CTokens.Token t = tokens.get(i);
            if (!t.isIdentifier()) {
                return;
            }
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            int close = call ? CTokens.matching(tokens, i + 1) : -1;
            if (call && close < 0) {
                return;
            }
            if ((t.text().equals("__attribute__") || t.text().equals("__attribute")) && call) {
                i = close;
            } else if (KEYWORDS.contains(t.text()) && !call) {
                if (TYPE_KEYWORDS.contains(t.text())) {
                    return;
                }
            } else if (known.contains(t.text()) && !call) {
                attributeCallsLeading(t.text(), depth + 1, visited);
            } else if (call && unknown(t.text()) && macroLooking(t.text()) && attributeArguments(tokens, i + 1, close)) {
                drop(t.text());
                i = close;
            } else {
                return;
            }
        }
    }

    /** Whether the parentheses from {@code open} to {@code close} hold only strings and numbers, or one parenthesised list. */
    private static boolean attributeArguments(List<CTokens.Token> tokens, int open, int close) {
        if (close == open + 1) {
            return false;
        }
        if (tokens.get(open + 1).is("(") && CTokens.matching(tokens, open + 1) == close - 1) {
            return true;
        }
        for (int i = open + 1; i < close; i++) {
            CTokens.Token t = tokens.get(i);
            if (!(t.is(",") || t.type() == CTokens.Type.NUMBER || StringMacros.stringAt(tokens, i))) {
                return false;
            }
        }
        return true;
    }

    /** Each parameter: unknown macros calls pass through; an unknown word after the parameter's name is an attribute. */
    private void parameters(List<CTokens.Token> head, int from, int to) {
        int start = from;
        int depth = 0;
        for (int i = from; i <= to; i++) {
            CTokens.Token t = i < to ? head.get(i) : null;
            if (t != null && (t.is("(") || t.is("["))) {
                depth++;
            } else if (t != null && (t.is(")") || t.is("]"))) {
                depth--;
            }
            if (t == null || depth == 0 && t.is(",")) {
                parameter(head, start, i);
                start = i + 1;
            }
        }
    }

    private void parameter(List<CTokens.Token> head, int from, int to) {
        macroCalls(head, from, to);
        List<Integer> words = new ArrayList<>();
        for (int i = from; i < to; i++) {
            CTokens.Token t = head.get(i);
            if (t.isIdentifier() && !(i + 1 < to && head.get(i + 1).is("("))) {
                words.add(i);
            }
        }
        if (words.size() < 2) {
            return;
        }
        int last = words.get(words.size() - 1);
        CTokens.Token word = head.get(last);
        CTokens.Token before = head.get(last - 1);
        if (unknown(word.text()) && macroLooking(word.text()) && (before.isIdentifier() || before.is("]") || before.is(")"))
                && words.size() >= 2 && last == to - 1) {
            attribute(word.text());
        }
        CTokens.Token first = head.get(words.get(0));
        if (words.get(0) == from && unknown(first.text()) && macroLooking(first.text()) && words.size() >= 3) {
            attribute(first.text());
        }
    }

    /** After the parameter list: attributes ({@code NORETURN}, {@code FORMAT((printf, 1, 2))}), or K&amp;R declarations. */
    private void afterParameters(List<CTokens.Token> head, int from) {
        for (int i = from; i < head.size(); i++) {
            CTokens.Token t = head.get(i);
            if (!t.isIdentifier() || KEYWORDS.contains(t.text()) || !unknown(t.text())) {
                if (t.isIdentifier() && TYPE_KEYWORDS.contains(t.text())) {
                    return;
                }
                if (t.is("(")) {
                    int close = CTokens.matching(head, i);
                    i = close < 0 ? head.size() : close;
                }
                continue;
            }
            boolean call = i + 1 < head.size() && head.get(i + 1).is("(");
            boolean declares = i + 1 < head.size() && (head.get(i + 1).isIdentifier() || head.get(i + 1).is("*"))
                    && !macroLooking(t.text());
            if (declares) {
                return;
            }
            if (call) {
                drop(t.text());
                int close = CTokens.matching(head, i + 1);
                i = close < 0 ? head.size() : close;
            } else {
                attribute(t.text());
            }
        }
    }

    /** All capitals, digits and underscores, or a reserved {@code __name}: how C spells macros. */
    static boolean macroLooking(String word) {
        return NameSpelling.reserved(word) || NameSpelling.capitalised(word);
    }

    /** Whether an unknown name spelled like a macro is called at {@code i}: {@code IF_FEATURE_X(}. */
    private boolean unknownMacroCall(List<CTokens.Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i).isIdentifier() && tokens.get(i + 1).is("(")
                && unknown(tokens.get(i).text()) && macroLooking(tokens.get(i).text());
    }

    private boolean unknown(String word) {
        return !KEYWORDS.contains(word) && !known.contains(word);
    }

    /**
     * A project's spelling of noreturn (noreturn.yml) keeps its meaning: defined empty, the impossible
     * paths after {@code die()} would be analysed.
     */
    private void attribute(String name) {
        defines.putIfAbsent(name, NoReturnDeclarations.MACROS.contains(name) ? "__attribute__((noreturn))" : "");
    }

    private void passThrough(String name) {
        defines.putIfAbsent(name + "(...)", "__VA_ARGS__");
    }

    private void drop(String name) {
        defines.putIfAbsent(name + "(...)", "");
    }

    /** Rewrites when the replacement fits on the first line of what it replaces, so no line moves. */
    private void rewrite(CTokens.Token first, CTokens.Token last, String replacement) {
        int room = 0;
        while (first.start() + room < last.end() && text[first.start() + room] != '\n' && text[first.start() + room] != '\r') {
            room++;
        }
        if (replacement.length() <= room) {
            rewrites.add(new ServedSources.Rewrite(first.start(), last.end(), replacement));
        }
    }
}
