package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.parser.Keywords;
import org.eclipse.cdt.core.parser.util.CharArrayIntMap;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;
import org.eclipse.cdt.internal.core.parser.scanner.IncludeGuardDetection;
import org.eclipse.cdt.internal.core.parser.scanner.Lexer;

/**
 * A file's text as CDT reads it, and whether an include guard spans it ({@code #ifndef G},
 * {@code #define G} ... {@code #endif}; {@code #pragma once} CDT keeps itself). CDT finds a header's guard by
 * lexing the whole header once more in every unit that includes it (a tenth of busybox's samples);
 * a header served unchanged keeps one of these for the whole scan, so its guard is found once.
 */
final class ServedText {

    private static final CharArrayIntMap DIRECTIVES = directives();

    private final CharArray chars;
    /** Found when first asked: most texts served are the parse's main file, whose guard does not matter. */
    private volatile Boolean guarded;

    ServedText(char[] text) {
        this.chars = new CharArray(text);
    }

    CharArray chars() {
        return chars;
    }

    /** Whether a second inclusion into the same unit would be empty, as CDT takes a guarded header to be. */
    boolean guarded() {
        Boolean known = guarded;
        if (known == null) {
            // Guards are found by directives alone, which no lexer option changes.
            known = IncludeGuardDetection.detectIncludeGuard(chars, new Lexer.LexerOptions(), DIRECTIVES) != null;
            guarded = known;
        }
        return known;
    }

    private static CharArrayIntMap directives() {
        CharArrayIntMap map = new CharArrayIntMap(40, -1);
        Keywords.addKeywordsPreprocessor(map);
        return map;
    }
}
