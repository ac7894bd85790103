package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceFiles;
import io.github.vforklint.source.SourceTree;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.model.ILanguage;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.IParserSettings;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.ParseError;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.core.dom.parser.ISourceCodeParser;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.cdt.internal.core.index.EmptyCIndex;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Parses C files with CDT's GCC language. One instance per scan; safe to use from several threads. */
public final class CParser {

    /**
     * Image locations stay on: they place a call written as a macro's argument at its own name.
     * (CDT's option to drop the literal elements of large initializers takes effect only with
     * parser settings, and would save memory, not time: the elements are parsed before they are
     * dropped.)
     */
    private static final int PARSE_OPTIONS = ILanguage.OPTION_IS_SOURCE_UNIT;

    /**
     * C11 keywords CDT's C parser does not know, spelled as the GNU forms it does: without this a
     * {@code _Noreturn} prototype is a syntax error and its no-return property is lost. A static
     * assertion checks nothing at run time, so it becomes a declaration of nothing the analysis
     * looks at, valid at file and block scope: unread, gnulib's {@code verify (...)}, written
     * between the functions of every GNU project, was a declaration that did not parse.
     */
    private static final Map<String, String> C11_KEYWORDS = Map.of(
            "_Noreturn", "__attribute__((noreturn))",
            "_Thread_local", "__thread",
            "_Alignas(x)", "__attribute__((__aligned__(sizeof(x))))",
            "_Static_assert(...)", "extern int __vforklint_static_assertion");

    /**
     * What a GCC-compatible compiler on Linux predefines, when the real compiler was not asked
     * ({@code --system-includes}). Headers test these: without {@code __GNUC__}, busybox's
     * platform.h defines {@code __attribute__(x)} to nothing and every {@code noreturn} is lost.
     * The version claimed is 4.2, as clang does. {@code -U} takes any of them back.
     */
    private static final Map<String, String> GCC_LINUX_BASELINE = definitions("""
            __GNUC__=4 __GNUC_MINOR__=2 __GNUC_PATCHLEVEL__=1 __STDC__=1 __STDC_VERSION__=201112L __STDC_HOSTED__=1
            __CHAR_BIT__=8 __ELF__=1 __linux__=1 __linux=1 __gnu_linux__=1 __unix__=1 __unix=1
            """);

    /**
     * What a 64-bit Linux compiler predefines about its types, and what {@code <limits.h>} and
     * {@code <stdint.h>} define from them, when those headers are not read: code tests them in
     * {@code #if} (Emacs' lisp.h picks EMACS_INT's type by {@code INTPTR_MAX <= LONG_MAX}; unset,
     * {@code INTPTR_MAX <= 0} holds and no branch defines the type). {@code -U} takes any back.
     */
    private static final Map<String, String> LP64_LIMITS = definitions("""
            __LP64__=1 _LP64=1 __SIZEOF_SHORT__=2 __SIZEOF_INT__=4 __SIZEOF_LONG__=8 __SIZEOF_LONG_LONG__=8
            __SIZEOF_POINTER__=8 __SIZEOF_SIZE_T__=8 __SIZEOF_PTRDIFF_T__=8
            __SCHAR_MAX__=0x7f __SHRT_MAX__=0x7fff __INT_MAX__=0x7fffffff __LONG_MAX__=0x7fffffffffffffffL
            __LONG_LONG_MAX__=0x7fffffffffffffffLL __SIZE_MAX__=0xffffffffffffffffUL
            __PTRDIFF_MAX__=0x7fffffffffffffffL __INTPTR_MAX__=0x7fffffffffffffffL __INTMAX_MAX__=0x7fffffffffffffffL
            CHAR_BIT=8 SCHAR_MAX=127 SCHAR_MIN=(-128) UCHAR_MAX=255 CHAR_MAX=127 CHAR_MIN=(-128)
            SHRT_MAX=32767 SHRT_MIN=(-32768) USHRT_MAX=65535 INT_MAX=2147483647 INT_MIN=(-2147483647-1) UINT_MAX=4294967295U
            LONG_MAX=9223372036854775807L LONG_MIN=(-9223372036854775807L-1L) ULONG_MAX=18446744073709551615UL
            LLONG_MAX=9223372036854775807LL LLONG_MIN=(-9223372036854775807LL-1LL) ULLONG_MAX=18446744073709551615ULL
            INTPTR_MAX=9223372036854775807L INTPTR_MIN=(-9223372036854775807L-1) UINTPTR_MAX=18446744073709551615UL
            SIZE_MAX=18446744073709551615UL PTRDIFF_MAX=9223372036854775807L PTRDIFF_MIN=(-9223372036854775807L-1)
            INTMAX_MAX=9223372036854775807L INTMAX_MIN=(-9223372036854775807L-1) UINTMAX_MAX=18446744073709551615UL
            INT8_MAX=127 INT16_MAX=32767 INT32_MAX=2147483647 INT64_MAX=9223372036854775807L
            UINT8_MAX=255 UINT16_MAX=65535 UINT32_MAX=4294967295U UINT64_MAX=18446744073709551615UL
            """);

    /**
     * What Linux's {@code <fcntl.h>} defines for close-on-exec, when it is not read: portable code
     * tests it to choose how a descriptor is kept from the exec'd program, and without it takes
     * the branch for systems that have neither, which Linux is not. tcsh's {@code
     * close_on_exec(fd, v)} was then empty, so {@code (void) close_on_exec(SHIN, 1);} did not
     * parse, and its vfork child was read closing every descriptor by hand ({@code closech()});
     * GNU make's {@code CLOSE_ON_EXEC(fd)} did nothing. {@code -U} takes any of them back.
     */
    private static final Map<String, String> FCNTL_CLOSE_ON_EXEC = definitions("""
            F_GETFD=1 F_SETFD=2 FD_CLOEXEC=1
            """);

    /**
     * What the compiler's own {@code <stddef.h>} and {@code <stdarg.h>} define, when they are not
     * read: {@code offsetof(struct globals, line)} and {@code va_arg(ap, char *)} take a type, so
     * without them the statement is no expression and a variadic exec wrapper's loop does not
     * parse. A project's own definition replaces these, as a header's would. {@code va_start}
     * takes one argument or two (C23 dropped the second).
     */
    private static final Map<String, String> COMPILER_HEADER_MACROS = Map.of(
            "offsetof(type,member)", "__builtin_offsetof(type,member)",
            "va_arg(ap,type)", "__builtin_va_arg(ap,type)",
            "va_start(...)", "__builtin_va_start(__VA_ARGS__)",
            "va_end(ap)", "__builtin_va_end(ap)",
            "va_copy(to,from)", "__builtin_va_copy(to,from)");

    /** Takes a macro back, function-like ({@code offsetof(type,member)}) or not. */
    private static void undefine(Map<String, String> defines, String name) {
        defines.keySet().removeIf(key -> key.equals(name) || key.startsWith(name + "("));
    }

    /** {@code NAME=VALUE} words, as {@code -D} takes them. */
    private static Map<String, String> definitions(String words) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String word : words.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            result.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return Map.copyOf(result);
    }

    /** What one parse serves differently from the files on disk. */
    record Shaping(Set<String> pinned, Map<String, String> defines, Set<String> undefines,
                   List<ServedSources.Rewrite> rewrites) {
        static final Shaping NONE = new Shaping(Set.of(), Map.of(), Set.of(), List.of());

        Shaping {
            pinned = Set.copyOf(pinned);
            defines = Map.copyOf(defines);
            undefines = Set.copyOf(undefines);
            rewrites = List.copyOf(rewrites);
        }

        /** The functions taken to be vfork wrappers from their names, pinned as macros ({@link Configuration#ASSUMED}). */
        Set<String> guessedWrappers() {
            Set<String> names = new java.util.TreeSet<>();
            for (String pin : pinned) {
                String function = Configuration.assumedFunction(pin);
                if (function != null) {
                    names.add(function);
                }
            }
            return names;
        }
    }

    private final SourceFiles files;
    private final TextFacts facts;
    private final Function<String, String> displayPath;
    private final SpelledCalls spelled;
    private final TreeIncludes treeIncludes;
    /** Header prototypes are read only when named ({@link UnfrozenCParser}); tests turn it off to compare. */
    private boolean deferPrototypes = true;
    /**
     * Names of header prototypes a late read could not read as skimmed ({@link UnfrozenCParser}):
     * every later parse reads them where they stand, rather than fall back to a parse of its own
     * (Emacs' lisp.h has one that 14 of its units name). Shared by the scan's threads; which parse
     * meets one first changes no tree, as a prototype read in place is CDT's own reading.
     */
    private final Set<String> prototypesReadInPlace = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @param displayPath turns an absolute file name into the path shown in findings */
    public CParser(Function<String, String> displayPath) {
        this(displayPath, SpelledCalls.NONE, null);
    }

    /**
     * @param spelled        calls whose arguments are kept as spelled in the source, so that
     *                       {@code syscall(SYS_vfork)} and clone flags can be recognised
     * @param tree           the scanned tree, where includes the search path misses are looked
     *                       for; null to look nowhere else
     */
    CParser(Function<String, String> displayPath, SpelledCalls spelled, SourceTree tree) {
        this.files = tree == null ? new SourceFiles() : new SourceFiles(tree);
        this.facts = new TextFacts(files);
        this.displayPath = displayPath;
        this.spelled = spelled;
        this.treeIncludes = tree == null ? null : new TreeIncludes(tree, ForeignPlatforms.fromCatalogue(), this::refusesInclusion);
    }

    /**
     * Whether a file of the tree stops any build that reads it; a file that cannot be read is taken
     * as it comes. Its directives are the ones the scan keeps for every file it reads ({@link
     * TextFacts}): each folder that includes the header asks again.
     */
    private boolean refusesInclusion(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        try {
            return HeaderRefusal.refuses(files.get(path).chars(), facts.of(path).directives());
        } catch (java.io.UncheckedIOException e) {
            return false;
        }
    }

    public String displayPath(String absolutePath) {
        return displayPath.apply(absolutePath);
    }

    public SourceFiles files() {
        return files;
    }

    TextFacts facts() {
        return facts;
    }

    public CUnit parse(Path file, ParseSettings settings) throws CoreException {
        return parse(file, settings, Shaping.NONE);
    }

    CUnit parse(Path file, ParseSettings settings, Shaping shaping) throws CoreException {
        return parse(file, settings, shaping, BodySelection.ALL);
    }

    CUnit parse(Path file, ParseSettings settings, Shaping shaping, BodySelection selection) throws CoreException {
        return parse(file, settings, shaping, selection, deferPrototypes);
    }

    /** Reads every header prototype where it stands, as CDT does: what tests compare the late reading with. */
    CParser readingPrototypesInPlace() {
        deferPrototypes = false;
        return this;
    }

    private CUnit parse(Path file, ParseSettings settings, Shaping shaping, BodySelection selection,
                        boolean deferPrototypes) throws CoreException {
        FileDeadline deadline = FileDeadline.current();
        deadline.check();
        String path = file.toAbsolutePath().normalize().toString();
        ServedSources served = new ServedSources(facts, path, shaping.pinned(), shaping.rewrites());
        org.eclipse.cdt.internal.core.parser.scanner.CharArray text = served.content(path).chars();
        FileContent content = new InternalFileContent(path, text);
        Map<String, String> defines = new LinkedHashMap<>();
        if (!settings.readsSystemHeaders()) {
            defines.putAll(GCC_LINUX_BASELINE);
            defines.putAll(LP64_LIMITS);
            defines.putAll(FCNTL_CLOSE_ON_EXEC);
            defines.putAll(COMPILER_HEADER_MACROS);
        }
        defines.putAll(C11_KEYWORDS);
        defines.putAll(settings.defines());
        settings.undefines().forEach(name -> undefine(defines, name));
        defines.putAll(shaping.defines());
        shaping.undefines().forEach(name -> undefine(defines, name));
        ExtendedScannerInfo scannerInfo = new ExtendedScannerInfo(
                defines,
                paths(settings.includeDirs(), settings.systemDirs()),
                new String[0],
                settings.forcedIncludes().stream().map(Path::toString).toArray(String[]::new),
                paths(settings.quoteDirs(), List.of()));
        IIndex noIndex = EmptyCIndex.INSTANCE;
        DiskIncludeProvider provider = new DiskIncludeProvider(files, served);
        InTreeHeaders inTree = treeIncludes == null ? null : new InTreeHeaders(treeIncludes);
        if (inTree != null) {
            provider.setIncludeResolutionHeuristics(inTree);
        }
        SelectiveGcc selective = selection.readsAllOf(path) ? null : new SelectiveGcc(selection, path,
                selection.offsetsIn(path, facts.files().get(path).chars()), deferPrototypes ? prototypesReadInPlace : null);
        WholeGcc whole = selective == null ? new WholeGcc(deferPrototypes ? prototypesReadInPlace : null) : null;
        IASTTranslationUnit unit;
        try {
            unit = (selective == null ? whole : selective).getASTTranslationUnit(
                    content, scannerInfo, provider, noIndex, PARSE_OPTIONS, deadline.parseLog());
        } catch (ParseError e) {
            deadline.check();
            throw e;
        }
        deadline.check();
        if (selective != null && selective.parser.failed()) {
            selection.readWholeFrom(path);
            return parse(file, settings, shaping, selection, deferPrototypes);
        }
        if ((selective == null ? whole.parser : selective.parser).prototypesFailed()) {
            return parse(file, settings, shaping, selection, false);
        }
        return new CUnit(path, unit, new LocationMapper(files, displayPath, shaping.guessedWrappers()), settings.readsSystemHeaders(), spelled,
                served.cuts(), inTree, facts, served.servedChars(),
                selective == null ? Set.of() : selective.parser.leftOut(), selective == null);
    }

    /** CDT's GCC language with a parser that leaves the tree unfrozen ({@link UnfrozenCParser}); one per parse. */
    private static final class WholeGcc extends GCCLanguage {
        private final Set<String> readInPlace;
        private UnfrozenCParser parser;

        WholeGcc(Set<String> readInPlace) {
            this.readInPlace = readInPlace;
        }

        @Override
        protected ISourceCodeParser createParser(IScanner scanner, ParserMode mode, IParserLogService log, IIndex index,
                                                 int options, IParserSettings parserSettings) {
            parser = new UnfrozenCParser(scanner, mode, log, getParserExtensionConfiguration(), index, readInPlace);
            return parser;
        }
    }

    /** CDT's GCC language with a parser that reads the bodies one selection asks for; one per parse. */
    private static final class SelectiveGcc extends GCCLanguage {
        private final BodySelection selection;
        private final String mainFile;
        private final int[] wordOffsets;
        private final Set<String> readInPlace;
        private SelectiveBodyParser parser;

        SelectiveGcc(BodySelection selection, String mainFile, int[] wordOffsets, Set<String> readInPlace) {
            this.selection = selection;
            this.mainFile = mainFile;
            this.wordOffsets = wordOffsets;
            this.readInPlace = readInPlace;
        }

        @Override
        protected ISourceCodeParser createParser(IScanner scanner, ParserMode mode, IParserLogService log, IIndex index,
                                                 int options, IParserSettings parserSettings) {
            // GCCLanguage would also pass on parser settings; CParser gives none
            parser = new SelectiveBodyParser(scanner, mode, log, getParserExtensionConfiguration(), index, selection,
                    mainFile, wordOffsets, readInPlace);
            return parser;
        }
    }

    private static String[] paths(List<Path> first, List<Path> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream())
                .map(p -> p.toAbsolutePath().normalize().toString())
                .toArray(String[]::new);
    }
}
