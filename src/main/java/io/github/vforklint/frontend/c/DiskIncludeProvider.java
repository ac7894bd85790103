package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceFiles;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

import java.util.HashSet;
import java.util.Set;

/**
 * Serves included files from disk through the shared {@link SourceFiles} cache, shaped for the
 * parse by {@link ServedSources}. CDT's public
 * providers need an Eclipse workspace, so this extends the internal base class, as the CDT
 * standalone examples do.
 * <p>
 * Include guards are applied here rather than by CDT: CDT would lex every header a second time in
 * every unit to find its guard, where {@link ServedText} finds it once a scan. As CDT does, a
 * guarded header is read at its first inclusion into a unit and skipped at every later one.
 */
final class DiskIncludeProvider extends InternalFileContentProvider {

    private final SourceFiles files;
    private final ServedSources served;
    /** The guarded headers this unit has read. */
    private final Set<String> readOnce = new HashSet<>();

    DiskIncludeProvider(SourceFiles files, ServedSources served) {
        this.files = files;
        this.served = served;
    }

    @Override
    public boolean getInclusionExists(String path) {
        return files.exists(path);
    }

    /** True for every header: CDT then leaves guards to {@link #getContentForInclusion(String, IMacroDictionary)}. */
    @Override
    public boolean shouldIndexAllHeaderVersions(String path) {
        return true;
    }

    @Override
    public void resetForTranslationUnit() {
        super.resetForTranslationUnit();
        readOnce.clear();
    }

    @Override
    public InternalFileContent getContentForInclusion(String path, IMacroDictionary macros) {
        if (!files.exists(path)) {
            return null;
        }
        if (readOnce.contains(path)) {
            return new InternalFileContent(path, InternalFileContent.InclusionKind.SKIP_FILE);
        }
        ServedText text = served.content(path);
        if (text.guarded()) {
            readOnce.add(path);
        }
        return new InternalFileContent(path, text.chars());
    }

    @Override
    public InternalFileContent getContentForInclusion(IIndexFileLocation location, String astPath) {
        return null;
    }
}
