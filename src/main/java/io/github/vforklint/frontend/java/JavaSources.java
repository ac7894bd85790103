package io.github.vforklint.frontend.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Java sources: parses them with JavaParser at the configured language level, with a symbol
 * solver over the JDK (by reflection) and over every source root a parsed file lives in (found
 * from its package declaration), so that a name in one file resolves to a constant in another.
 */
final class JavaSources {

    private final ParserConfiguration configuration = new ParserConfiguration();
    private final CombinedTypeSolver types = new CombinedTypeSolver(new ReflectionTypeSolver());
    private final Set<Path> roots = new HashSet<>();
    private final JavaParser parser;

    JavaSources(ParserConfiguration.LanguageLevel level) {
        configuration.setLanguageLevel(level);
        configuration.setAttributeComments(false);
        // The type solver must parse other files with this same configuration, or names inside
        // their initializers do not resolve.
        configuration.setSymbolResolver(new JavaSymbolSolver(types));
        parser = new JavaParser(configuration);
    }

    /** A parsed file, or the problems that kept it from parsing. */
    record Parsed(CompilationUnit cu, List<String> problems) {
    }

    Parsed parse(JvmFile file) {
        ParseResult<CompilationUnit> result = parser.parse(file.chars());
        List<String> problems = result.getProblems().stream().map(JavaSources::describe).toList();
        Optional<CompilationUnit> cu = result.getResult();
        if (cu.isEmpty() || !result.isSuccessful()) {
            return new Parsed(null, problems.isEmpty() ? List.of("JavaParser gave no tree") : problems);
        }
        addRoot(file.path(), cu.get());
        return new Parsed(cu.get(), List.of());
    }

    private static String describe(Problem p) {
        String where = p.getLocation().flatMap(l -> l.toRange()).map(r -> "line " + r.begin.line + ": ").orElse("");
        return where + p.getMessage().replaceAll("\\s+", " ");
    }

    /** The directory the package's folders start from: src/main/java for a.b.C in src/main/java/a/b/C.java. */
    private void addRoot(Path file, CompilationUnit cu) {
        Path dir = file.getParent();
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        if (!pkg.isEmpty()) {
            for (int i = pkg.split("\\.").length; i > 0 && dir != null; i--) {
                dir = dir.getParent();
            }
        }
        if (dir != null && roots.add(dir)) {
            types.add(new JavaParserTypeSolver(dir, configuration));
        }
    }

    /**
     * Names of constants declared in these files whose value is the property's name, or that are
     * initialized from such a name: a setProperty elsewhere may use them.
     */
    static Set<String> keyConstants(List<CompilationUnit> units, Set<String> known) {
        Set<String> names = new TreeSet<>();
        for (CompilationUnit cu : units) {
            for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
                for (VariableDeclarator v : f.getVariables()) {
                    Optional<Expression> init = v.getInitializer();
                    if (init.isEmpty()) {
                        continue;
                    }
                    boolean mentions = init.get().toString().contains("launchMechanism");
                    boolean fromKnown = init.get().findAll(Expression.class).stream().anyMatch(e ->
                            e instanceof NameExpr n && known.contains(n.getNameAsString())
                                    || e instanceof FieldAccessExpr a && known.contains(a.getNameAsString()));
                    if (mentions || fromKnown) {
                        names.add(v.getNameAsString());
                    }
                }
            }
        }
        return names;
    }

    /** Calls in this file to one of these methods (by name), for the fork sites among them. */
    static List<MethodCallExpr> callsNamed(CompilationUnit cu, Set<String> names) {
        List<MethodCallExpr> calls = new ArrayList<>();
        for (MethodCallExpr c : cu.findAll(MethodCallExpr.class)) {
            if (names.contains(c.getNameAsString())) {
                calls.add(c);
            }
        }
        return calls;
    }
}
