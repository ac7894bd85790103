package io.github.vforklint.frontend.c;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.parser.c.ICParserExtensionConfiguration;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.parser.EndOfFileException;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.core.parser.util.CharArrayObjectMap;
import org.eclipse.cdt.core.parser.util.CharArraySet;
import org.eclipse.cdt.internal.core.dom.parser.ASTTranslationUnit;
import org.eclipse.cdt.internal.core.dom.parser.BacktrackException;
import org.eclipse.cdt.internal.core.dom.parser.DeclarationOptions;
import org.eclipse.cdt.internal.core.dom.parser.c.GNUCSourceParser;
import org.eclipse.cdt.internal.core.parser.scanner.ILocationResolver;

/**
 * CDT's C parser, returning the tree without freezing it, and reading the function prototypes
 * of headers only when something names them.
 *
 * <p>Freezing walks every node of the unit, headers included, only so that a later change to
 * the tree throws; vforklint never changes a tree, and the walk was 3 % of a busybox scan's CPU.
 *
 * <p>A file reads hundreds of prototypes from its headers (busybox's libbb.h alone declares over
 * a thousand) and calls a few dozen of them: on busybox, 38,934 were skimmed and 1,863 read. A
 * prototype in a header ({@link PrototypeShape}) is skimmed to its ';' and stands in the tree as
 * an empty declaration over its extent, its tokens kept. Once the file is read, every prototype
 * whose name the parser made as a name anywhere in the tree is parsed from its tokens in its
 * place, and again for the names those bring: every name of the tree, and so every binding,
 * type and noreturn attribute the analysis asks about, finds the declarations it would have
 * found. CDT's C parser keeps no table of names while it parses, so a prototype read late reads
 * as it would have in place; one that does not end at the ';' the skim found (CDT would have
 * recovered from a syntax error in it) makes the parse {@link #prototypesFailed()}, and the file
 * is parsed again with every prototype read where it stands.
 */
class UnfrozenCParser extends GNUCSourceParser {

    /** A prototype not read yet: its tokens from {@code first} to its ';', and the empty declaration in its place. */
    private record Unread(IToken first, IToken last, IASTSimpleDeclaration placeholder) {
    }

    /** Null when no prototype is left unread; else the names no parse leaves unread (see {@link CParser}). */
    private final Set<String> readInPlace;
    private final boolean deferPrototypes;
    /** Every name the parser made before the late reading, those of discarded attempts included. */
    private final CharArraySet named = new CharArraySet(1024);
    /** The prototypes not read yet, by name (a header may declare a name twice). */
    private final CharArrayObjectMap<List<Unread>> unread = new CharArrayObjectMap<>(1024);
    /** While prototypes are read late: the names still to look up in {@link #unread}, those the reading makes added. */
    private ArrayDeque<char[]> toRead;
    private ILocationResolver locations;
    private boolean failed;

    UnfrozenCParser(IScanner scanner, ParserMode mode, IParserLogService log, ICParserExtensionConfiguration config,
                    IIndex index, Set<String> readInPlace) {
        super(scanner, mode, log, config, index);
        this.readInPlace = readInPlace;
        this.deferPrototypes = readInPlace != null;
    }

    /** Whether a prototype read late did not read as the skim found it: parse again without deferring. */
    final boolean prototypesFailed() {
        return failed;
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

    @Override
    protected void parseTranslationUnit() {
        super.parseTranslationUnit();
        afterDeclarations();
        readNamedPrototypes();
    }

    /** Reads what was left out of the declarations' bodies, once all are read; prototypes come after. */
    protected void afterDeclarations() {
    }

    @Override
    protected IASTName identifier() throws EndOfFileException, BacktrackException {
        IASTName name = super.identifier();
        if (toRead != null) {
            if (unread.containsKey(name.getSimpleID())) {
                toRead.add(name.getSimpleID());
            }
        } else if (deferPrototypes) {
            named.put(name.getSimpleID());
        }
        return name;
    }

    @Override
    protected IASTDeclaration declaration(DeclarationOptions options) throws EndOfFileException, BacktrackException {
        if (!deferPrototypes || options != DeclarationOptions.GLOBAL) {
            return super.declaration(options);
        }
        IToken first = mark();
        if (inMainFile(first)) {
            return super.declaration(options);
        }
        PrototypeShape shape = new PrototypeShape();
        PrototypeShape.Verdict verdict;
        IToken last;
        try {
            do {
                last = consume();
                verdict = shape.next(last);
            } while (verdict == PrototypeShape.Verdict.MORE);
        } catch (EndOfFileException e) {
            verdict = PrototypeShape.Verdict.OTHER;
            last = null;
        }
        if (verdict != PrototypeShape.Verdict.PROTOTYPE || inMainFile(last)
                || !readInPlace.isEmpty() && readInPlace.contains(shape.name().getImage())) {
            backup(first);
            return super.declaration(options);
        }
        IASTSimpleDeclaration placeholder = getNodeFactory().newSimpleDeclaration(
                setRange(getNodeFactory().newSimpleDeclSpecifier(), first.getOffset(), first.getOffset()));
        setRange(placeholder, first.getOffset(), last.getEndOffset());
        char[] name = shape.name().getCharImage();
        List<Unread> sameName = unread.get(name);
        if (sameName == null) {
            sameName = new ArrayList<>(1);
            unread.put(name, sameName);
        }
        sameName.add(new Unread(first, last, placeholder));
        return placeholder;
    }

    private boolean inMainFile(IToken token) {
        if (locations == null) {
            locations = getTranslationUnit().getAdapter(ILocationResolver.class);
        }
        return locations.isPartOfTranslationUnitFile(token.getOffset());
    }

    /**
     * Reads the prototypes some name spells, then those the names they bring spell: each name is
     * looked up once, so a header whose prototypes name each other in any order reads in time
     * linear in its prototypes. Each is put in place by a search of the unit's declarations, so a
     * unit that names thousands of them looks at the file's time limit between reads: the
     * kept tokens no longer pass through the preprocessor, which is where CDT cancels a parse.
     */
    private void readNamedPrototypes() {
        if (unread.isEmpty()) {
            return;
        }
        FileDeadline deadline = FileDeadline.current();
        toRead = new ArrayDeque<>();
        for (int i = 0; i < unread.size(); i++) {
            if (named.containsKey(unread.keyAt(i))) {
                toRead.add(unread.keyAt(i));
            }
        }
        while (!toRead.isEmpty() && !failed) {
            char[] name = toRead.poll();
            List<Unread> spelled = unread.remove(name, 0, name.length);
            for (int i = 0; spelled != null && i < spelled.size() && !failed; i++) {
                deadline.check();
                read(spelled.get(i));
            }
            if (failed) {
                readInPlace.add(new String(name));
            }
        }
        toRead = null;
    }

    private void read(Unread u) {
        backup(u.first());
        IASTDeclaration declaration;
        try {
            declaration = super.declaration(DeclarationOptions.GLOBAL);
        } catch (EndOfFileException | BacktrackException e) {
            failed = true;
            return;
        }
        if (declaration == null || tokenAfter() != u.last().getNext()) {
            failed = true;
            return;
        }
        ((ASTTranslationUnit) getTranslationUnit()).replace(u.placeholder(), declaration);
    }

    /** The token after the one just consumed, or null at the end of the input. */
    final IToken tokenAfter() {
        try {
            return mark();
        } catch (EndOfFileException e) {
            return null;
        }
    }
}
