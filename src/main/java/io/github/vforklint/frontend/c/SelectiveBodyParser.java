package io.github.vforklint.frontend.c;

import java.util.Objects;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.parser.EndOfFileException;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.core.dom.parser.c.ICParserExtensionConfiguration;
import org.eclipse.cdt.internal.core.dom.parser.ASTQueries;
import org.eclipse.cdt.internal.core.dom.parser.BacktrackException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CDT's C parser, building the syntax tree of only the function bodies a {@link BodySelection}
 * asks for. Every body is first skimmed to its closing brace (the preprocessor has run, so
 * {@code #if} branches and macros are already resolved): one that names a word is parsed at
 * once; any other is left an empty block, and its tokens are kept. Once the file is read, the
 * bodies those parsed ones name (a helper, a function passed to {@code clone}, a function a
 * global pointer or table is initialised with) are parsed from their kept tokens, and the ones
 * these name, until nothing new is named. Declarations outside bodies are read as {@link
 * UnfrozenCParser} reads them.
 */
final class SelectiveBodyParser extends UnfrozenCParser {

    /** A body left out so far: its tokens from {@code first} (the brace) to {@code last}. */
    private record Deferred(IToken first, IToken last, IASTCompoundStatement placeholder) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Deferred other
                    && Objects.equals(first, other.first)
                    && Objects.equals(last, other.last)
                    && Objects.equals(placeholder, other.placeholder);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(first);
            h = 31 * h + Objects.hashCode(last);
            h = 31 * h + Objects.hashCode(placeholder);
            return h;
        }
    }

    private final BodySelection selection;
    /** Offsets, in the main file's text, of the words written there (inactive code and comments too). */
    private final int[] wordOffsets;
    private final String mainFile;
    private final List<Deferred> deferred = new ArrayList<>();
    private final List<IToken[]> parsed = new ArrayList<>();
    /** By identity: two definitions can share a name (a macro's use read as a K&R head), and one can be read. */
    private final Set<IASTFunctionDefinition> left = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private boolean failed;

    SelectiveBodyParser(IScanner scanner, ParserMode mode, IParserLogService log, ICParserExtensionConfiguration config,
                        IIndex index, BodySelection selection, String mainFile, int[] wordOffsets,
                        java.util.Set<String> readInPlace) {
        super(scanner, mode, log, config, index, readInPlace);
        this.selection = selection;
        this.mainFile = mainFile;
        this.wordOffsets = wordOffsets;
    }

    /** The definitions whose bodies were left empty: nothing the selection reaches names them. */
    Set<IASTFunctionDefinition> leftOut() {
        return left;
    }

    /** Whether a body that had to be read could not be read from its kept tokens (then parse again, whole). */
    boolean failed() {
        return failed;
    }

    @Override
    protected IASTCompoundStatement functionBody() throws EndOfFileException, BacktrackException {
        IToken first = mark();
        if (first.getType() != IToken.tLBRACE) {
            return super.functionBody();
        }
        IToken last = null;
        boolean named = false;
        try {
            int depth = 0;
            do {
                IToken t = consume();
                switch (t.getType()) {
                    case IToken.tLBRACE -> depth++;
                    case IToken.tRBRACE -> depth--;
                    case IToken.tIDENTIFIER -> named |= selection.isWord(t.getCharImage());
                    default -> { }
                }
                last = t;
            } while (depth > 0);
        } catch (EndOfFileException e) {
            named = true; // no closing brace: CDT's own recovery handles it
        }
        if (named) {
            backup(first);
            IASTCompoundStatement body = super.functionBody();
            if (last != null) {
                parsed.add(new IToken[] {first, last});
            }
            return body;
        }
        IASTCompoundStatement placeholder = getNodeFactory().newCompoundStatement();
        setRange(placeholder, first.getOffset(), last.getEndOffset());
        deferred.add(new Deferred(first, last, placeholder));
        return placeholder;
    }

    @Override
    protected void afterDeclarations() {
        if (deferred.isEmpty()) {
            return;
        }
        Map<String, List<Deferred>> byName = new HashMap<>();
        int indexed = index(byName, 0);
        Map<String, Set<String>> initialisers = globalInitialisers();
        Set<String> wordVariables = variablesInitialisedWithWords(initialisers);
        ArrayDeque<String> named = new ArrayDeque<>();
        for (IToken[] range : parsed) {
            namesIn(range[0], range[1], named);
        }
        Set<Deferred> done = new HashSet<>();
        for (Deferred d : List.copyOf(deferred)) {
            if (holdsWrittenWord(d) || !wordVariables.isEmpty() && mentionsAny(d, wordVariables)) {
                read(d, done, named);
            }
        }
        Set<String> seen = new HashSet<>();
        do {
            while (!named.isEmpty()) {
                String name = named.poll();
                if (seen.add(name)) {
                    for (Deferred d : byName.getOrDefault(name, List.of())) {
                        read(d, done, named);
                    }
                    named.addAll(initialisers.getOrDefault(name, Set.of()));
                }
            }
            // a body read late can hold a nested function (GNU C) whose name was reached already
            int before = indexed;
            indexed = index(byName, indexed);
            for (Deferred d : List.copyOf(deferred.subList(before, indexed))) {
                if (d.placeholder().getParent() instanceof IASTFunctionDefinition f
                        && seen.contains(DeclarationNames.definedName(f).toString())) {
                    read(d, done, named);
                }
            }
        } while (!named.isEmpty());
        for (Deferred d : deferred) {
            if (!done.contains(d) && d.placeholder().getParent() instanceof IASTFunctionDefinition f) {
                left.add(f);
            }
        }
    }

    /** Files the bodies deferred from {@code from} on under their functions' names; returns how many are filed. */
    private int index(Map<String, List<Deferred>> byName, int from) {
        for (Deferred d : deferred.subList(from, deferred.size())) {
            if (d.placeholder().getParent() instanceof IASTFunctionDefinition f) {
                byName.computeIfAbsent(DeclarationNames.definedName(f).toString(), k -> new ArrayList<>()).add(d);
            }
        }
        return deferred.size();
    }

    /** Parses a kept body in place of its empty block, and queues the names it holds. */
    private void read(Deferred d, Set<Deferred> done, ArrayDeque<String> named) {
        if (!done.add(d) || !(d.placeholder().getParent() instanceof IASTFunctionDefinition function)) {
            return;
        }
        backup(d.first());
        try {
            function.setBody(super.functionBody());
        } catch (EndOfFileException | BacktrackException e) {
            failed = true;
            return;
        }
        if (tokenAfter() != d.last().getNext()) {
            // CDT's recovery read past the brace the skim found: the body is not what was skipped
            failed = true;
            return;
        }
        namesIn(d.first(), d.last(), named);
    }

    private static void namesIn(IToken first, IToken last, ArrayDeque<String> into) {
        for (IToken t = first; t != null; t = t.getNext()) {
            if (t.getType() == IToken.tIDENTIFIER) {
                into.add(t.getImage());
            }
            if (t == last) {
                break;
            }
        }
    }

    private static boolean mentionsAny(Deferred d, Set<String> names) {
        for (IToken t = d.first(); t != null; t = t.getNext()) {
            if (t.getType() == IToken.tIDENTIFIER && names.contains(t.getImage())) {
                return true;
            }
            if (t == d.last()) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether the main file's text of this function, its head included, holds a word, where the
     * preprocessor may have hidden it: the configuration explorer asks for a function by the
     * words written in its extent ({@link CUnit#functionSpans}).
     */
    private boolean holdsWrittenWord(Deferred d) {
        if (wordOffsets.length == 0 || d.placeholder().getParent() == null) {
            return false;
        }
        IASTFileLocation at = d.placeholder().getParent().getFileLocation();
        if (at == null || !mainFile.equals(at.getFileName())) {
            return false;
        }
        int i = java.util.Arrays.binarySearch(wordOffsets, at.getNodeOffset());
        int next = i >= 0 ? i : -i - 1;
        return next < wordOffsets.length && wordOffsets[next] < at.getNodeOffset() + at.getNodeLength();
    }

    /**
     * The names in each file-scope variable's initialiser ({@code static int (*start)(void) = vfork;},
     * a table of handlers): a body that names the variable may call what it holds.
     */
    private Map<String, Set<String>> globalInitialisers() {
        Map<String, Set<String>> result = new HashMap<>();
        for (IASTDeclaration declaration : getTranslationUnit().getDeclarations()) {
            if (!(declaration instanceof IASTSimpleDeclaration simple)) {
                continue;
            }
            for (IASTDeclarator declarator : simple.getDeclarators()) {
                if (declarator.getInitializer() == null) {
                    continue;
                }
                Set<String> names = new HashSet<>();
                declarator.getInitializer().accept(new ASTVisitor() {
                    {
                        shouldVisitNames = true;
                    }

                    @Override
                    public int visit(IASTName name) {
                        names.add(name.toString());
                        return PROCESS_CONTINUE;
                    }
                });
                if (!names.isEmpty()) {
                    result.computeIfAbsent(ASTQueries.findInnermostDeclarator(declarator).getName().toString(),
                            k -> new HashSet<>()).addAll(names);
                }
            }
        }
        return result;
    }

    private Set<String> variablesInitialisedWithWords(Map<String, Set<String>> initialisers) {
        Set<String> result = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : initialisers.entrySet()) {
            for (String name : e.getValue()) {
                if (selection.words().contains(name)) {
                    result.add(e.getKey());
                    break;
                }
            }
        }
        return result;
    }
}
