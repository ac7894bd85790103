package io.github.vforklint.frontend.c;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.finding.Location;
import io.github.vforklint.source.SourceFiles;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTProblemDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.parser.util.CharArrayUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed translation unit: its function definitions (from the file and the project headers
 * it includes), lowered to CFGs on demand, and what the parser could not handle.
 */
public final class CUnit {

    private final String path;
    private final IASTTranslationUnit unit;
    private final LocationMapper locations;
    private final VariableTable variables = new VariableTable();
    private final NoReturnDeclarations noReturn;
    private final Map<String, IASTFunctionDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, FunctionBody> lowered = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private final SpelledCalls spelled;
    /** {@link #spelledHere}, worked out on first use. */
    private SpelledCalls spelledHere;
    /** Definitions whose bodies this parse did not read ({@link BodySelection}): empty blocks, by identity. */
    private final Set<IASTFunctionDefinition> bodiesLeftOut;
    private final boolean readWhole;

    private final SourceFiles files;
    private final long parsedChars;
    private final List<Diagnostic> cuts = new ArrayList<>();
    private final Map<String, List<Diagnostic>> problemsByFunction = new LinkedHashMap<>();
    private PreprocessorView preprocessor;
    private final TextFacts facts;
    private final Set<String> inTreeIncludes = new java.util.TreeSet<>();
    private final Set<String> missingIncludes = new java.util.TreeSet<>();

    CUnit(String path, IASTTranslationUnit unit, LocationMapper locations, boolean readsSystemHeaders,
          SpelledCalls spelled, List<ServedSources.Cut> cuts, InTreeHeaders inTree, TextFacts facts,
          long parsedChars, Set<IASTFunctionDefinition> bodiesLeftOut, boolean readWhole) {
        this.bodiesLeftOut = bodiesLeftOut;
        this.readWhole = readWhole;
        this.files = facts.files();
        this.facts = facts;
        this.parsedChars = parsedChars;
        this.path = path;
        this.spelled = spelled;
        this.unit = unit;
        this.locations = locations;
        this.noReturn = new NoReturnDeclarations(unit, facts);
        for (IASTDeclaration declaration : unit.getDeclarations()) {
            if (declaration instanceof IASTFunctionDefinition definition) {
                definitions.putIfAbsent(DeclarationNames.definedName(definition).toString(), definition);
            }
        }
        collectIncludeDiagnostics(readsSystemHeaders, inTree);
        collectSyntaxDiagnostics();
        for (ServedSources.Cut cut : cuts) {
            Diagnostic d = new Diagnostic(locations.displayPath(cut.path()), cut.line(), Diagnostic.Kind.INCOMPLETE, cut.what());
            diagnostics.add(d);
            this.cuts.add(d);
        }
    }

    /** What the preprocessor did in this unit; computed on first use. */
    synchronized PreprocessorView preprocessor() {
        if (preprocessor == null) {
            preprocessor = new PreprocessorView(unit, this::lineOf);
        }
        return preprocessor;
    }

    /** The line of an offset in a file this unit read; 0 (no line) should the file be gone since. */
    private int lineOf(String file, int offset) {
        try {
            return files.get(file).lineOf(offset);
        } catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** Whether CDT froze the tree (it does unless {@link UnfrozenCParser} parsed it): for a test. */
    boolean treeFrozen() {
        return unit.isFrozen();
    }

    /** The syntax tree, for tests that compare two parses of a file. */
    IASTTranslationUnit tree() {
        return unit;
    }

    /**
     * For code at {@code offset} of this unit's file that only runs on one side of a condition
     * ({@code BB_MMU ? xfork() : xvfork()}, {@code if (USE_VFORK) ...}): the condition as written
     * and whether it must hold for the code to run. Empty when no such condition encloses it.
     */
    synchronized Optional<BranchCondition> branchConditionAt(int offset, int length) {
        org.eclipse.cdt.core.dom.ast.IASTNodeSelector selector = unit.getNodeSelector(path);
        // A macro's use (xvfork()) is a name in the preprocessor's tree; the code it expands to is found "in expansion".
        IASTNode node = selector.findEnclosingNodeInExpansion(offset, length);
        if (node == null || node.getParent() instanceof org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroExpansion) {
            node = selector.findEnclosingNode(offset, length);
        }
        for (IASTNode child = node, parent = node == null ? null : node.getParent(); parent != null;
             child = parent, parent = parent.getParent()) {
            if (parent instanceof IASTFunctionDefinition) {
                break;
            }
            if (parent instanceof IASTConditionalExpression c && child != c.getLogicalConditionExpression()) {
                return Optional.of(new BranchCondition(c.getLogicalConditionExpression().getRawSignature(),
                        child == c.getPositiveResultExpression()));
            }
            if (parent instanceof IASTIfStatement i && child != i.getConditionExpression()) {
                return Optional.of(new BranchCondition(i.getConditionExpression().getRawSignature(),
                        child == i.getThenClause()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the parser read a plain name at this place of the unit's own file: code it read, and
     * no macro's use (the preprocessor's tree names those too).
     */
    synchronized boolean readAsName(int offset, int length) {
        org.eclipse.cdt.core.dom.ast.IASTName name = unit.getNodeSelector(path).findName(offset, length);
        return name != null && !(name.getParent() instanceof org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroExpansion)
                && !(name.resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IMacroBinding);
    }

    /** A condition around some code, as written, and the truth value the code needs. */
    record BranchCondition(String condition, boolean holds) {
    }

    /** The offsets {@code [start, end)} of the body of each function defined in this unit's own file. */
    synchronized Map<String, int[]> functionSpans() {
        Map<String, int[]> spans = new LinkedHashMap<>();
        for (Map.Entry<String, IASTFunctionDefinition> e : definitions.entrySet()) {
            IASTFileLocation fl = e.getValue().getFileLocation();
            if (fl != null && path.equals(fl.getFileName())) {
                spans.put(e.getKey(), new int[] {fl.getNodeOffset(), fl.getNodeOffset() + fl.getNodeLength()});
            }
        }
        return spans;
    }

    /** The include directives (as {@code file:offset}) of this unit that only the scanned tree resolved. */
    Set<String> inTreeIncludes() {
        return inTreeIncludes;
    }

    /** The {@code "..."} include directives (as {@code file:offset}) of this unit that nothing resolved. */
    Set<String> missingIncludes() {
        return missingIncludes;
    }

    public String path() {
        return path;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The function with this name defined in this unit, lowered to a CFG. Synchronized: helpers
     * of one unit can be asked for by several parser threads, and CDT's AST is not thread-safe.
     */
    public synchronized Optional<FunctionBody> function(String name) {
        IASTFunctionDefinition definition = definitions.get(name);
        if (definition == null || bodiesLeftOut.contains(definition)) {
            return Optional.empty();
        }
        return Optional.of(lowered.computeIfAbsent(name,
                n -> new FunctionLowering(locations, variables, noReturn, spelledHere()).lower(path, definition)));
    }

    /** Whether the parse read every body ({@link BodySelection}): only units read alike compare by their problems. */
    boolean readWhole() {
        return readWhole;
    }

    /** Whether this unit defines the function but did not read its body ({@link BodySelection}). */
    synchronized boolean leftOut(String name) {
        IASTFunctionDefinition definition = definitions.get(name);
        return definition != null && bodiesLeftOut.contains(definition);
    }

    /** Whether {@code body} was lowered from this unit (not from another parse of the same file). */
    public synchronized boolean owns(FunctionBody body) {
        return lowered.get(body.name()) == body;
    }

    /**
     * What the active configuration says about vfork itself: {@code #define vfork fork}
     * (autoconf's fallback) makes vfork calls plain forks, {@code #define fork vfork} (NOMMU
     * builds) makes fork calls vfork sites. One diagnostic per definition.
     */
    public synchronized List<Diagnostic> vforkRedefinitions(Set<String> vforkNames, String configuration) {
        String inWhich = configuration == null ? "in this configuration" : "in the configuration where " + configuration;
        List<Diagnostic> result = new ArrayList<>();
        // A unit defines thousands of macros (a kernel file tens of thousands), and CDT reads an
        // expansion again at each call: only a macro named like vfork, or whose image as written
        // may hold a vfork name, is read, and only those are made into strings.
        int longest = vforkNames.stream().mapToInt(String::length).max().orElse(0);
        char[][] wanted = vforkNames.stream().map(String::toCharArray).toArray(char[][]::new);
        for (IASTPreprocessorMacroDefinition macro : unit.getMacroDefinitions()) {
            char[] nameChars = macro.getName().getSimpleID();
            boolean nameIsVfork = nameChars.length <= longest && vforkNames.contains(new String(nameChars));
            org.eclipse.cdt.core.dom.ast.IMacroBinding binding =
                    macro.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IMacroBinding m ? m : null;
            if (!nameIsVfork && binding != null && !mayExpandTo(binding.getExpansionImage(), wanted)) {
                continue;
            }
            String expansion = (binding != null ? String.valueOf(binding.getExpansion()) : macro.getExpansion()).trim();
            if (nameIsVfork == vforkNames.contains(expansion) || !Directives.isIdentifier(expansion)) {
                continue;
            }
            String name = new String(nameChars);
            IASTFileLocation where = macro.getFileLocation();
            Location at = where == null ? null : locations.of(macro);
            String origin = at == null ? "on the command line" : "at " + at.path() + ":" + at.line();
            String what = nameIsVfork
                    ? name + " is defined as " + expansion + " (" + origin + "): its calls are plain forks " + inWhich + " and are not checked"
                    : name + " is defined as " + expansion + " (" + origin + "): its calls are vfork sites " + inWhich;
            result.add(new Diagnostic(locations.displayPath(path), 0, Diagnostic.Kind.INFO, what));
        }
        return result;
    }

    /**
     * Whether a macro written as {@code image} may expand to exactly one of {@code names}: the
     * image then holds that name, once its lines are joined (a trigraph backslash may join them
     * too: such an image always may).
     */
    private static boolean mayExpandTo(char[] image, char[][] names) {
        if (image == null || CharArrayUtils.indexOf(TRIGRAPH_BACKSLASH, image) >= 0) {
            return true;
        }
        char[] joined = CharArrayUtils.indexOf('\\', image) >= 0 ? withoutLineJoins(image) : image;
        for (char[] name : names) {
            if (CharArrayUtils.indexOf(name, joined) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The image with every backslash and the blanks and line ends after it taken out: more than
     * the preprocessor joins (it joins only at a line end), so a name it reads across a line join
     * is in the result, and the test above never rules out a macro that expands to one.
     */
    private static char[] withoutLineJoins(char[] image) {
        char[] out = new char[image.length];
        int n = 0;
        for (int i = 0; i < image.length; i++) {
            if (image[i] != '\\') {
                out[n++] = image[i];
                continue;
            }
            while (i + 1 < image.length && Character.isWhitespace(image[i + 1])) {
                i++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static final char[] TRIGRAPH_BACKSLASH = "??/".toCharArray();

    /**
     * The other plain name this unit defines {@code name} as (autoconf's {@code #define vfork
     * fork}), or null: its calls are calls of that name, which {@link #vforkRedefinitions}
     * reports once.
     */
    public synchronized String definedAsAnotherName(String name) {
        String expansion = preprocessor().macros().valueOf(name);
        if (expansion == null) {
            return null;
        }
        expansion = expansion.trim();
        return Directives.isIdentifier(expansion) && !expansion.equals(name) ? expansion : null;
    }

    /** Names of the defined functions that call any of {@code callees} directly (after macro expansion). */
    public synchronized List<String> functionsCalling(Set<String> callees) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, IASTFunctionDefinition> entry : definitions.entrySet()) {
            if (calls(entry.getValue(), callees, spelledHere())) {
                result.add(entry.getKey());
            }
        }
        return result;
    }

    /**
     * The calls of this unit that keep their spelling: those naming the clone flag only when the
     * file names it (a call may then hand it to a project's wrapper of clone), so that no other
     * unit spells every argument of every call to find out.
     */
    private SpelledCalls spelledHere() {
        if (spelledHere == null) {
            boolean named = spelled.flag() != null && facts.names(path, spelled.flag());
            spelledHere = named ? spelled : spelled.withoutFlag();
        }
        return spelledHere;
    }

    private static boolean calls(IASTFunctionDefinition definition, Set<String> callees, SpelledCalls flagged) {
        boolean[] found = {false};
        definition.accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTExpression expression) {
                if (expression instanceof IASTFunctionCallExpression call
                        && ExpressionLowering.stripParentheses(call.getFunctionNameExpression()) instanceof IASTIdExpression id
                        && (callees.contains(id.getName().toString())
                                && !(id.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IVariable)
                            || id.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IVariable pointer
                                && callees.contains(String.valueOf(ArgumentSpelling.initialFunction(pointer))))) {
                    found[0] = true;
                    return PROCESS_ABORT;
                }
                // a function pointer set to vfork (start = vfork;) makes its calls vfork sites
                if (!(expression.getParent() instanceof IASTFunctionCallExpression)
                        && expression instanceof IASTIdExpression id && callees.contains(id.getName().toString())
                        && !(id.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IVariable)) {
                    found[0] = true;
                    return PROCESS_ABORT;
                }
                // last: it spells the call's arguments
                if (expression instanceof IASTFunctionCallExpression call && flagged.namesTheFlag(call)) {
                    found[0] = true;
                    return PROCESS_ABORT;
                }
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }

    private void collectIncludeDiagnostics(boolean readsSystemHeaders, InTreeHeaders inTree) {
        for (IASTPreprocessorIncludeStatement include : unit.getIncludeDirectives()) {
            if (!include.isActive()) {
                continue;
            }
            if (include.isResolved()) {
                if (include.isResolvedByHeuristics()) {
                    inTreeIncludes.add(directiveKey(include));
                }
                continue;
            }
            if (!include.isSystemInclude()) {
                missingIncludes.add(directiveKey(include));
            }
            if (!include.isPartOfTranslationUnitFile()) {
                continue;
            }
            String name = include.getName().toString();
            InTreeHeaders.Ambiguity ambiguity = inTree == null ? null : inTree.ambiguities().stream()
                    .filter(a -> a.include().equals(name) && a.includingFile().equals(path)).findFirst().orElse(null);
            Location at = locations.of(include);
            if (ambiguity != null) {
                diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INFO,
                        "header " + name + " matches " + ambiguity.candidates().size() + " files of the scanned tree equally near this one ("
                                + String.join(", ", ambiguity.candidates().stream().limit(4)
                                .map(p -> locations.displayPath(p.toString())).toList())
                                + (ambiguity.candidates().size() > 4 ? ", ..." : "")
                                + "): none was read; pass the right one with -I"));
                continue;
            }
            if (inTree != null && inTree.refused().contains(name)) {
                diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INFO,
                        "header " + name + " is in the scanned tree but was not read: this file already read "
                                + InTreeHeaders.MAX_HEADERS + " headers found that way; pass -I for the headers it needs"));
                continue;
            }
            if (include.isSystemInclude() && !readsSystemHeaders) {
                continue;
            }
            diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INFO,
                    "header not found: " + name + " (macros and declarations from it are unknown)"));
        }
        if (inTree != null && !inTree.refused().isEmpty()) {
            diagnostics.add(new Diagnostic(locations.displayPath(path), 0, Diagnostic.Kind.INFO,
                    "read " + InTreeHeaders.MAX_HEADERS + " headers found in the scanned tree, the most one file may read that way; "
                            + inTree.refused().size() + " more were left out (" + String.join(", ", inTree.refused().stream().limit(5).toList())
                            + (inTree.refused().size() > 5 ? ", ..." : "") + ")"));
        }
    }

    /**
     * An include directive told apart from every other by its file and offset: only counted, so
     * no line number is needed, which would make the parser build every header's line table.
     */
    private static String directiveKey(IASTPreprocessorIncludeStatement include) {
        IASTFileLocation fl = include.getFileLocation();
        return fl == null ? "" : fl.getFileName() + ":" + fl.getNodeOffset();
    }

    /** A stretch of this unit's own file that did not parse, and the function it belongs to. */
    private record Unparsed(int from, int to, boolean topLevel, String function, int firstLine, int lastLine) {
    }

    private final List<Unparsed> unparsed = new ArrayList<>();
    /** Where the headers this unit read did not parse: made into regions only when recovery asks. */
    private record HeaderProblem(String file, int from, int to, boolean topLevel) {
    }

    private final List<HeaderProblem> headerProblems = new ArrayList<>();

    private void collectSyntaxDiagnostics() {
        List<IASTProblem> problems = new ArrayList<>();
        unit.accept(new ASTVisitor() {
            {
                shouldVisitProblems = true;
            }

            @Override
            public int visit(IASTProblem problem) {
                IASTFileLocation fl = problem.getFileLocation();
                if (fl != null && path.equals(fl.getFileName())) {
                    problems.add(problem);
                } else if (fl != null) {
                    inHeader(problem, fl);
                }
                return PROCESS_CONTINUE;
            }
        });
        char[] text = files.get(path).chars();
        Map<String, List<Integer>> inFunctions = new LinkedHashMap<>();
        Map<String, int[]> functionLines = new LinkedHashMap<>();
        for (IASTProblem problem : problems) {
            IASTFileLocation fl = problem.getFileLocation();
            IASTFunctionDefinition function = enclosingFunction(problem);
            if (function != null) {
                String name = DeclarationNames.definedName(function).toString();
                IASTFileLocation whole = function.getFileLocation();
                inFunctions.computeIfAbsent(name, k -> new ArrayList<>()).add(fl.getStartingLineNumber());
                functionLines.put(name, new int[] {whole.getStartingLineNumber(), whole.getEndingLineNumber()});
                unparsed.add(new Unparsed(statementStart(text, fl.getNodeOffset()),
                        statementEnd(text, fl.getNodeOffset() + fl.getNodeLength()), false, name,
                        fl.getStartingLineNumber(), fl.getEndingLineNumber()));
                continue;
            }
            boolean topLevel = problem.getParent() instanceof IASTProblemDeclaration d
                    && d.getParent() instanceof IASTTranslationUnit;
            int from = fl.getNodeOffset();
            int to = topLevel ? Math.max(from + fl.getNodeLength(), DeclarationShape.constructEnd(text, from))
                    : from + fl.getNodeLength();
            String name = topLevel ? DeclarationShape.functionName(text, from, to) : null;
            int first = fl.getStartingLineNumber();
            int last = Math.max(fl.getEndingLineNumber(), files.get(path).lineOf(Math.max(from, to - 1)));
            unparsed.add(new Unparsed(from, to, topLevel, name, first, last));
            String lines = first == last ? "line " + first : "lines " + first + "-" + last;
            String what = name == null ? "could not parse the code at " + lines + "; analysed what the parser recovered around it"
                    : hasBody(text, from, to) ? "could not parse function " + name + "() (" + lines + "): it is not analysed"
                    : "could not parse the declaration of " + name + " (" + lines + ")";
            Diagnostic d = new Diagnostic(locations.displayPath(path), first, Diagnostic.Kind.INCOMPLETE, what);
            diagnostics.add(d);
            if (name != null) {
                problemsByFunction.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
            }
        }
        for (Map.Entry<String, List<Integer>> e : inFunctions.entrySet()) {
            int[] lines = functionLines.get(e.getKey());
            List<Integer> at = e.getValue().stream().distinct().sorted().toList();
            Diagnostic d = new Diagnostic(locations.displayPath(path), at.get(0), Diagnostic.Kind.INCOMPLETE,
                    "could not parse part of " + e.getKey() + "() (lines " + lines[0] + "-" + lines[1] + "; at line"
                            + (at.size() == 1 ? " " : "s ") + String.join(", ", at.stream().map(String::valueOf).toList())
                            + "): analysed what the parser recovered");
            diagnostics.add(d);
            problemsByFunction.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(d);
        }
    }

    /** Back to just after the {@code ;}, {@code {} or {@code }} before {@code offset}: the statement around a problem. */
    private static int statementStart(char[] text, int offset) {
        int i = Math.min(offset, text.length) - 1;
        while (i >= 0 && text[i] != ';' && text[i] != '{' && text[i] != '}') {
            i--;
        }
        return i + 1;
    }

    private static int statementEnd(char[] text, int offset) {
        int i = Math.max(0, offset);
        while (i < text.length && text[i] != ';' && text[i] != '{' && text[i] != '}') {
            i++;
        }
        return Math.min(text.length, i + 1);
    }

    private static boolean hasBody(char[] text, int from, int to) {
        for (CTokens.Token t : CTokens.of(text, from, Math.min(to, text.length), true)) {
            if (t.is("{")) {
                return true;
            }
            if (t.is(";")) {
                return false;
            }
        }
        return false;
    }

    private static IASTFunctionDefinition enclosingFunction(IASTNode node) {
        for (IASTNode n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof IASTFunctionDefinition f) {
                return f;
            }
        }
        return null;
    }

    /** The functions this unit defines, in its own file and in the headers it read. */
    synchronized Set<String> definedFunctions() {
        return Set.copyOf(definitions.keySet());
    }

    /** Characters of source this unit was parsed from, its headers' included. */
    long parsedChars() {
        return parsedChars;
    }

    /** What did not parse of one function of this unit's own file. */
    List<Diagnostic> problemsOf(String function) {
        return problemsByFunction.getOrDefault(function, List.of());
    }

    /** What was left out of the parse on purpose (bounds), each a diagnostic. */
    List<Diagnostic> cuts() {
        return cuts;
    }

    /**
     * Whether a place that did not parse matters for vfork: it holds one of {@code words}, or lies in
     * a function that does.
     */
    synchronized boolean problemsNear(java.util.function.Predicate<String> words) {
        if (unparsed.isEmpty()) {
            return false;
        }
        char[] text = files.get(path).chars();
        Map<String, int[]> spans = functionSpans();
        for (Unparsed u : unparsed) {
            int from = u.from();
            int to = u.to();
            if (!u.topLevel() && spans.containsKey(u.function())) {
                from = spans.get(u.function())[0];
                to = spans.get(u.function())[1];
            }
            for (CTokens.Token t : CTokens.of(text, from, Math.min(to, text.length), false)) {
                if (t.isIdentifier() && words.test(t.text())) {
                    return true;
                }
            }
        }
        return lostHelperOfAMatch(text, spans, words);
    }

    /**
     * Whether a function lost whole is called, directly or through the file's other functions, by
     * a function that holds one of {@code words}: the child's own helpers in the same file (Emacs'
     * child_setup() calls exec_failed()) matter as much as the child.
     */
    private boolean lostHelperOfAMatch(char[] text, Map<String, int[]> spans, java.util.function.Predicate<String> words) {
        Set<String> lost = new java.util.HashSet<>();
        for (Unparsed u : unparsed) {
            if (u.topLevel() && u.function() != null) {
                lost.add(u.function());
            }
        }
        if (lost.isEmpty()) {
            return false;
        }
        Map<String, Set<String>> mentions = new java.util.HashMap<>();
        java.util.ArrayDeque<String> reached = new java.util.ArrayDeque<>();
        for (Map.Entry<String, int[]> span : spans.entrySet()) {
            Set<String> names = new java.util.HashSet<>();
            boolean matches = false;
            for (CTokens.Token t : CTokens.of(text, span.getValue()[0], Math.min(span.getValue()[1], text.length), false)) {
                if (t.isIdentifier()) {
                    matches |= words.test(t.text());
                    names.add(t.text());
                }
            }
            mentions.put(span.getKey(), names);
            if (matches) {
                reached.add(span.getKey());
            }
        }
        Set<String> seen = new java.util.HashSet<>(reached);
        while (!reached.isEmpty()) {
            for (String name : mentions.getOrDefault(reached.poll(), Set.of())) {
                if (lost.contains(name)) {
                    return true;
                }
                if (mentions.containsKey(name) && seen.add(name)) {
                    reached.add(name);
                }
            }
        }
        return false;
    }

    /**
     * How badly this unit's own file failed to parse: a whole function or declaration lost weighs
     * more than any number of statements lost inside functions.
     */
    long problemCount() {
        long lost = unparsed.stream().filter(Unparsed::topLevel).count();
        return lost * 1_000_000 + (unparsed.size() - lost);
    }

    private void inHeader(IASTProblem problem, IASTFileLocation fl) {
        boolean topLevel = problem.getParent() instanceof IASTProblemDeclaration d
                && d.getParent() instanceof IASTTranslationUnit;
        headerProblems.add(new HeaderProblem(fl.getFileName(), fl.getNodeOffset(), fl.getNodeOffset() + fl.getNodeLength(),
                topLevel));
    }

    /**
     * The stretches of the headers this unit read that did not parse, by header: a header's
     * macros from a file that is not there (Emacs' lisp.h without config.h) cost the functions
     * and declarations it defines, which the unit's own file relies on. A header that cannot be
     * read again is left out: it is only not mended.
     */
    Map<String, List<MacroRecovery.Region>> unparsedHeaderRegions() {
        Map<String, List<MacroRecovery.Region>> regions = new java.util.TreeMap<>();
        for (HeaderProblem p : headerProblems) {
            int to = p.to();
            if (p.topLevel()) {
                try {
                    to = Math.max(to, DeclarationShape.constructEnd(files.get(p.file()).chars(), p.from()));
                } catch (java.io.UncheckedIOException e) {
                    continue;
                }
            }
            regions.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(new MacroRecovery.Region(p.from(), to, p.topLevel()));
        }
        return regions;
    }

    /** The stretches of this unit's own file that did not parse, for {@link MacroRecovery}. */
    List<MacroRecovery.Region> unparsedRegions() {
        return unparsed.stream().map(u -> new MacroRecovery.Region(u.from(), u.to(), u.topLevel())).toList();
    }

    /** When {@code offset} is in code that did not parse: which, for a diagnostic; else null. */
    String unparsedFunctionAt(int offset) {
        for (Unparsed u : unparsed) {
            if (u.from() <= offset && offset < u.to()) {
                String lines = u.firstLine() == u.lastLine() ? "line " + u.firstLine() : "lines " + u.firstLine() + "-" + u.lastLine();
                if (!u.topLevel()) {
                    return "it is in a part of " + u.function() + "() the parser could not read (" + lines + ")";
                }
                return u.function() == null ? "it is in code the parser could not read (" + lines + ")"
                        : "it is in " + u.function() + "() (" + lines + "), which the parser could not read";
            }
        }
        return null;
    }

    /** The replacement texts of the macros defined at the end of the unit. */
    synchronized Condition.Macros macroExpansions() {
        return preprocessor().macros();
    }

    /**
     * What is not unknown: the unit's macros, its type names and the functions it defines. Other
     * declarations are left out: the parser's recovery from a macro it did not know makes them
     * up ({@code ... ) NORETURN;} declares NORETURN, {@code IF_DESKTOP(long long) int f();}
     * declares IF_DESKTOP).
     */
    synchronized Set<String> knownNames() {
        Set<String> names = new java.util.HashSet<>(preprocessor().macroNames());
        for (IASTDeclaration declaration : unit.getDeclarations()) {
            if (declaration instanceof IASTFunctionDefinition f) {
                names.add(DeclarationNames.definedName(f).toString());
            } else if (declaration instanceof org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration d) {
                if (d.getDeclSpecifier().getStorageClass() != org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier.sc_typedef) {
                    continue;
                }
                for (org.eclipse.cdt.core.dom.ast.IASTDeclarator declarator : d.getDeclarators()) {
                    org.eclipse.cdt.core.dom.ast.IASTDeclarator inner = declarator;
                    while (inner.getNestedDeclarator() != null) {
                        inner = inner.getNestedDeclarator();
                    }
                    names.add(inner.getName().toString());
                }
            }
        }
        return names;
    }
}
