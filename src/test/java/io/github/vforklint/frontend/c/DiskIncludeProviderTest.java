package io.github.vforklint.frontend.c;

import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent.InclusionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The include provider applies include guards itself (CDT would lex each header again, in every
 * unit, to find its guard): a header whose guard spans it is read at its first inclusion into a
 * unit and skipped at every later one; any other header is read each time ({@code #pragma once}
 * CDT keeps itself, before it asks the provider).
 */
class DiskIncludeProviderTest {

    @TempDir
    Path dir;

    private CParser parser;
    private DiskIncludeProvider provider;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("main.c"), "#include \"guarded.h\"\n");
        Files.writeString(dir.resolve("guarded.h"), "/* a header */\n#ifndef GUARDED_H\n#define GUARDED_H\nint a;\n#endif\n");
        Files.writeString(dir.resolve("open.h"), "#ifndef OPEN_H\n#define OPEN_H\n#endif\nint c;\n");
        Files.writeString(dir.resolve("plain.h"), "int d;\n");
        parser = new CParser(p -> p);
        provider = newProvider();
    }

    private DiskIncludeProvider newProvider() {
        return new DiskIncludeProvider(parser.files(), new ServedSources(parser.facts(), path("main.c"), Set.of(), List.of()));
    }

    private String path(String name) {
        return dir.resolve(name).toAbsolutePath().normalize().toString();
    }

    private InclusionKind include(String name) {
        return provider.getContentForInclusion(path(name), null).getKind();
    }

    @Test
    void aGuardedHeaderIsReadOnceInAUnit() {
        assertEquals(InclusionKind.USE_SOURCE, include("guarded.h"));
        assertEquals(InclusionKind.SKIP_FILE, include("guarded.h"));
    }

    @Test
    void aHeaderWhoseGuardDoesNotSpanItIsReadEachTime() {
        for (String name : List.of("open.h", "plain.h")) {
            assertEquals(InclusionKind.USE_SOURCE, include(name), name);
            assertEquals(InclusionKind.USE_SOURCE, include(name), name);
        }
    }

    @Test
    void theNextUnitReadsTheGuardedHeaderAgain() {
        include("guarded.h");
        provider.resetForTranslationUnit();
        assertEquals(InclusionKind.USE_SOURCE, include("guarded.h"));
        assertEquals(InclusionKind.USE_SOURCE, newProvider().getContentForInclusion(path("guarded.h"), null).getKind());
    }

    @Test
    void aHeaderServedUnchangedKeepsOneTextForTheWholeScan() {
        InternalFileContent first = provider.getContentForInclusion(path("guarded.h"), null);
        InternalFileContent again = newProvider().getContentForInclusion(path("guarded.h"), null);
        assertSame(first.getSource(), again.getSource());
    }

    @Test
    void aMissingHeaderIsNotServed() {
        assertNull(provider.getContentForInclusion(path("missing.h"), null));
    }
}
