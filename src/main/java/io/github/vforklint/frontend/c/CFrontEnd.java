package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.NullLogService;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.cdt.internal.core.index.EmptyCIndex;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Parses C files with CDT's GCC language. One instance per scan; safe to use from several threads. */
public final class CFrontEnd {

    private static final IParserLogService QUIET = new NullLogService();

    /**
     * C11 keywords CDT's C parser does not know, spelled as the GNU forms it does: without this a
     * {@code _Noreturn} prototype is a syntax error and its no-return property is lost.
     */
    private static final Map<String, String> C11_KEYWORDS = Map.of(
            "_Noreturn", "__attribute__((noreturn))",
            "_Thread_local", "__thread",
            "_Alignas(x)", "__attribute__((__aligned__(sizeof(x))))");

    private final SourceFiles files = new SourceFiles();
    private final Function<String, String> displayPath;

    /** @param displayPath turns an absolute file name into the path shown in findings */
    public CFrontEnd(Function<String, String> displayPath) {
        this.displayPath = displayPath;
    }

    public SourceFiles files() {
        return files;
    }

    public CUnit parse(Path file, ParseSettings settings) throws CoreException {
        String path = file.toAbsolutePath().normalize().toString();
        FileContent content = FileContent.create(path, files.get(path).chars());
        Map<String, String> defines = new LinkedHashMap<>(C11_KEYWORDS);
        defines.putAll(settings.defines());
        ExtendedScannerInfo scannerInfo = new ExtendedScannerInfo(
                defines,
                paths(settings.includeDirs(), settings.systemDirs()),
                new String[0],
                settings.forcedIncludes().stream().map(Path::toString).toArray(String[]::new),
                paths(settings.quoteDirs(), List.of()));
        IIndex noIndex = EmptyCIndex.INSTANCE;
        IASTTranslationUnit unit = GCCLanguage.getDefault().getASTTranslationUnit(
                content, scannerInfo, new DiskIncludeProvider(files), noIndex, 0, QUIET);
        return new CUnit(path, unit, new LocationMapper(files, displayPath), settings.readsSystemHeaders());
    }

    private static String[] paths(List<Path> first, List<Path> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream())
                .map(p -> p.toAbsolutePath().normalize().toString())
                .toArray(String[]::new);
    }
}
