package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.parser.c.ICParserExtensionConfiguration;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.internal.core.dom.parser.c.GNUCSourceParser;

/**
 * CDT's C parser, returning the tree without freezing it. Freezing walks every node of the unit,
 * headers included, only so that a later change to the tree throws; vforklint never changes a
 * tree, and the walk was 3 % of a busybox scan's CPU.
 */
class UnfrozenCParser extends GNUCSourceParser {

    UnfrozenCParser(IScanner scanner, ParserMode mode, IParserLogService log, ICParserExtensionConfiguration config,
                    IIndex index) {
        super(scanner, mode, log, config, index);
    }

    @Override
    public IASTTranslationUnit parse() {
        // AbstractGNUSourceCodeParser.parse, less its timing log and the freeze at its end
        translationUnit();
        resolveAmbiguities();
        IASTTranslationUnit unit = getTranslationUnit();
        nullifyTranslationUnit();
        return unit;
    }
}
