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
import java.util.List;
import java.util.function.Function;

/** Parses C files with CDT's GCC language. One instance per scan; safe to use from several threads. */
public final class CFrontEnd {

    private static final IParserLogService QUIET = new NullLogService();

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
        ExtendedScannerInfo scannerInfo = new ExtendedScannerInfo(
                settings.defines(),
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
