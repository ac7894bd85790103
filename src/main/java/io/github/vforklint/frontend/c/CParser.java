package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceFiles;
import io.github.vforklint.source.SourceTree;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.model.ILanguage;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.ParseError;
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
     * Large constant tables (busybox's applet and option tables) never matter to vfork children;
     * not building nodes for their literal elements saves parse time and memory. Image locations
     * stay: they place a call written as a macro's argument at its own name.
     */
    private static final int PARSE_OPTIONS = ILanguage.OPTION_IS_SOURCE_UNIT
            | ILanguage.OPTION_SKIP_TRIVIAL_EXPRESSIONS_IN_AGGREGATE_INITIALIZERS;

    /**
     * C11 keywords CDT's C parser does not know, spelled as the GNU forms it does: without this a
     * {@code _Noreturn} prototype is a syntax error and its no-return property is lost.
     */
    private static final Map<String, String> C11_KEYWORDS = Map.of(
            "_Noreturn", "__attribute__((noreturn))",
            "_Thread_local", "__thread",
            "_Alignas(x)", "__attribute__((__aligned__(sizeof(x))))");

    /**
     * What a GCC-compatible compiler on Linux predefines, when the real compiler was not asked
     * ({@code --system-includes}). Headers test these: without {@code __GNUC__}, busybox's
     * platform.h defines {@code __attribute__(x)} to nothing and every {@code noreturn} is lost.
     * The version claimed is 4.2, as clang does. {@code -U} takes any of them back.
     */
    private static final Map<String, String> GCC_LINUX_BASELINE = Map.ofEntries(
            Map.entry("__GNUC__", "4"), Map.entry("__GNUC_MINOR__", "2"), Map.entry("__GNUC_PATCHLEVEL__", "1"),
            Map.entry("__STDC__", "1"), Map.entry("__STDC_VERSION__", "201112L"), Map.entry("__STDC_HOSTED__", "1"),
            Map.entry("__CHAR_BIT__", "8"), Map.entry("__ELF__", "1"),
            Map.entry("__linux__", "1"), Map.entry("__linux", "1"), Map.entry("__gnu_linux__", "1"),
            Map.entry("__unix__", "1"), Map.entry("__unix", "1"));

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
    private final Set<String> spelledCallees;
    private final TreeIncludes treeIncludes;

    /** @param displayPath turns an absolute file name into the path shown in findings */
    public CParser(Function<String, String> displayPath) {
        this(displayPath, Set.of(), null);
    }

    /**
     * @param spelledCallees calls whose arguments are kept as spelled in the source, so that
     *                       {@code syscall(SYS_vfork)} and clone flags can be recognised
     * @param tree           the scanned tree, where includes the search path misses are looked
     *                       for; null to look nowhere else
     */
    public CParser(Function<String, String> displayPath, Set<String> spelledCallees, SourceTree tree) {
        this.files = tree == null ? new SourceFiles() : new SourceFiles(tree);
        this.facts = new TextFacts(files);
        this.displayPath = displayPath;
        this.spelledCallees = Set.copyOf(spelledCallees);
        this.treeIncludes = tree == null ? null : new TreeIncludes(tree);
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
        FileDeadline deadline = FileDeadline.current();
        deadline.check();
        String path = file.toAbsolutePath().normalize().toString();
        ServedSources served = new ServedSources(facts, path, shaping.pinned(), shaping.rewrites());
        FileContent content = new InternalFileContent(path, served.content(path));
        Map<String, String> defines = new LinkedHashMap<>();
        if (!settings.readsSystemHeaders()) {
            defines.putAll(GCC_LINUX_BASELINE);
        }
        defines.putAll(C11_KEYWORDS);
        defines.putAll(settings.defines());
        settings.undefines().forEach(defines::remove);
        defines.putAll(shaping.defines());
        shaping.undefines().forEach(defines::remove);
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
        IASTTranslationUnit unit;
        try {
            unit = GCCLanguage.getDefault().getASTTranslationUnit(
                    content, scannerInfo, provider, noIndex, PARSE_OPTIONS, deadline.parseLog());
        } catch (ParseError e) {
            deadline.check();
            throw e;
        }
        deadline.check();
        return new CUnit(path, unit, new LocationMapper(files, displayPath, shaping.guessedWrappers()), settings.readsSystemHeaders(), spelledCallees,
                served.cuts(), inTree, facts, served.servedChars());
    }

    private static String[] paths(List<Path> first, List<Path> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream())
                .map(p -> p.toAbsolutePath().normalize().toString())
                .toArray(String[]::new);
    }
}
