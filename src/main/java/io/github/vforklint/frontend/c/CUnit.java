package io.github.vforklint.frontend.c;

import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.finding.Location;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

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

    private static final int MAX_SYNTAX_DIAGNOSTICS = 5;

    private final String path;
    private final IASTTranslationUnit unit;
    private final LocationMapper locations;
    private final VariableTable variables = new VariableTable();
    private final NoReturnDeclarations noReturn;
    private final Map<String, IASTFunctionDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, FunctionBody> lowered = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private final Set<String> spelledCallees;

    CUnit(String path, IASTTranslationUnit unit, LocationMapper locations, boolean readsSystemHeaders,
          Set<String> spelledCallees) {
        this.path = path;
        this.spelledCallees = spelledCallees;
        this.unit = unit;
        this.locations = locations;
        this.noReturn = new NoReturnDeclarations(unit);
        for (IASTDeclaration declaration : unit.getDeclarations()) {
            if (declaration instanceof IASTFunctionDefinition definition) {
                definitions.putIfAbsent(definition.getDeclarator().getName().toString(), definition);
            }
        }
        collectIncludeDiagnostics(readsSystemHeaders);
        collectSyntaxDiagnostics();
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
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(lowered.computeIfAbsent(name,
                n -> new FunctionLowering(locations, variables, noReturn, spelledCallees).lower(path, definition)));
    }

    /**
     * What the active configuration says about vfork itself: {@code #define vfork fork}
     * (autoconf's fallback) makes vfork calls plain forks, {@code #define fork vfork} (NOMMU
     * builds) makes fork calls vfork sites. One diagnostic per definition.
     */
    public synchronized List<Diagnostic> vforkRedefinitions(Set<String> vforkNames) {
        List<Diagnostic> result = new ArrayList<>();
        for (IASTPreprocessorMacroDefinition macro : unit.getMacroDefinitions()) {
            String name = macro.getName().toString();
            String expansion = macro.getExpansion().trim();
            if (!expansion.matches("[A-Za-z_]\\w*")) {
                continue;
            }
            boolean nameIsVfork = vforkNames.contains(name);
            boolean expansionIsVfork = vforkNames.contains(expansion);
            if (nameIsVfork == expansionIsVfork) {
                continue;
            }
            IASTFileLocation where = macro.getFileLocation();
            Location at = where == null ? null : locations.of(macro);
            String origin = at == null ? "on the command line" : "at " + at.path() + ":" + at.line();
            String what = nameIsVfork
                    ? name + " is defined as " + expansion + " (" + origin + "): its calls are plain forks in this configuration and are not checked"
                    : name + " is defined as " + expansion + " (" + origin + "): its calls are vfork sites in this configuration";
            result.add(new Diagnostic(locations.displayPath(path), 0, Diagnostic.Kind.INFO, what));
        }
        return result;
    }

    /** Names of the defined functions that call any of {@code callees} directly (after macro expansion). */
    public synchronized List<String> functionsCalling(Set<String> callees) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, IASTFunctionDefinition> entry : definitions.entrySet()) {
            if (calls(entry.getValue(), callees)) {
                result.add(entry.getKey());
            }
        }
        return result;
    }

    private static boolean calls(IASTFunctionDefinition definition, Set<String> callees) {
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
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }

    private void collectIncludeDiagnostics(boolean readsSystemHeaders) {
        for (IASTPreprocessorIncludeStatement include : unit.getIncludeDirectives()) {
            if (include.isResolved() || !include.isPartOfTranslationUnitFile()) {
                continue;
            }
            if (include.isSystemInclude() && !readsSystemHeaders) {
                continue;
            }
            Location at = locations.of(include);
            diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INFO,
                    "header not found: " + include.getName() + " (macros and declarations from it are unknown)"));
        }
    }

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
                }
                return PROCESS_CONTINUE;
            }
        });
        for (int i = 0; i < Math.min(problems.size(), MAX_SYNTAX_DIAGNOSTICS); i++) {
            IASTNode problem = problems.get(i);
            Location at = locations.of(problem);
            diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INCOMPLETE,
                    "could not parse this code; analysed what the parser recovered around it"));
        }
        if (problems.size() > MAX_SYNTAX_DIAGNOSTICS) {
            Location at = locations.of(problems.get(MAX_SYNTAX_DIAGNOSTICS));
            diagnostics.add(new Diagnostic(at.path(), at.line(), Diagnostic.Kind.INCOMPLETE,
                    (problems.size() - MAX_SYNTAX_DIAGNOSTICS) + " more unparsed places in this file"));
        }
    }
}
