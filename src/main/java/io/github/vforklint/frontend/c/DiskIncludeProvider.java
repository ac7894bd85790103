package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceFiles;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

/**
 * Serves included files from disk through the shared {@link SourceFiles} cache, shaped for the
 * parse by {@link ServedSources}. CDT's public
 * providers need an Eclipse workspace, so this extends the internal base class, as the CDT
 * standalone examples do.
 */
final class DiskIncludeProvider extends InternalFileContentProvider {

    private final SourceFiles files;
    private final ServedSources served;

    DiskIncludeProvider(SourceFiles files, ServedSources served) {
        this.files = files;
        this.served = served;
    }

    @Override
    public boolean getInclusionExists(String path) {
        return files.exists(path);
    }

    @Override
    public InternalFileContent getContentForInclusion(String path, IMacroDictionary macros) {
        if (!files.exists(path)) {
            return null;
        }
        return new InternalFileContent(path, served.content(path));
    }

    @Override
    public InternalFileContent getContentForInclusion(IIndexFileLocation location, String astPath) {
        return null;
    }
}
