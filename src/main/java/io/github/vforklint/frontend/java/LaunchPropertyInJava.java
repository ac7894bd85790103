package io.github.vforklint.frontend.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;
import io.github.vforklint.finding.Location;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where Java code sets the launch mechanism: {@code System.setProperty(KEY, VALUE)} and
 * {@code System.getProperties().put/setProperty(KEY, VALUE)} with the key folded to the property
 * (the value folded too, or said to be unjudged), and string literals that are JVM argument lists
 * for a JVM the code starts. Whether a setProperty comes early enough depends on where it runs.
 */
final class LaunchPropertyInJava {

    /** Calls that cannot start a process: code made only of them before a setProperty keeps it early. */
    private static final Set<String> HARMLESS_CALLS = Set.of("setProperty", "getProperty", "getenv", "clearProperty",
            "getProperties", "startsWith", "endsWith", "contains", "equals", "equalsIgnoreCase", "toLowerCase",
            "toUpperCase", "isEmpty", "isBlank", "length", "trim", "strip", "matches", "valueOf", "parseInt",
            "parseBoolean", "getBoolean", "getInteger", "lineSeparator", "nanoTime", "currentTimeMillis", "put");
    private static final Pattern MAC_OR_AIX_NAME = Pattern.compile("(?i)(is_?)?(os_?)?(mac(_?os(_?x)?)?|osx|darwin|aix)");

    private LaunchPropertyInJava() {
    }

    /**
     * @param keyNames names of fields anywhere in the tree whose value is the property's name; a
     *                 setProperty whose key is another name is not resolved (that would cost a
     *                 symbol-solver lookup per call in files full of unrelated properties)
     */
    static void find(JavaUnit unit, Set<String> keyNames, Observed out) {
        for (MethodCallExpr call : unit.cu().findAll(MethodCallExpr.class)) {
            if (call.getArguments().size() == 2 && setsSystemProperty(unit, call)
                    && mayBeKey(call.getArgument(0), keyNames)) {
                Optional<String> key = ConstantFolder.fold(call.getArgument(0), unit.names());
                if (key.isPresent() && LaunchOption.isProperty(key.get())) {
                    setting(unit, call, out);
                }
            }
        }
        for (LiteralStringValueExpr literal : unit.cu().findAll(LiteralStringValueExpr.class)) {
            if (literal instanceof StringLiteralExpr || literal instanceof TextBlockLiteralExpr) {
                optionLiteral(unit, literal, out);
            }
        }
    }

    private static boolean mayBeKey(Expression key, Set<String> keyNames) {
        if (key instanceof StringLiteralExpr || key instanceof BinaryExpr) {
            return true;
        }
        return key instanceof NodeWithSimpleName<?> n && keyNames.contains(n.getNameAsString());
    }

    /** System.setProperty, a static import of it, or put/setProperty on System.getProperties(). */
    private static boolean setsSystemProperty(JavaUnit unit, MethodCallExpr call) {
        String name = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        if (name.equals("setProperty") && scope.isEmpty()) {
            return unit.cu().getImports().stream().anyMatch(i -> i.isStatic()
                    && (i.getNameAsString().equals("java.lang.System.setProperty")
                    || i.isAsterisk() && i.getNameAsString().equals("java.lang.System")));
        }
        if (scope.isEmpty()) {
            return false;
        }
        Expression s = scope.get();
        if (name.equals("setProperty") && isSystem(s)) {
            return true;
        }
        return (name.equals("put") || name.equals("setProperty")) && s instanceof MethodCallExpr inner
                && inner.getNameAsString().equals("getProperties") && inner.getScope().filter(LaunchPropertyInJava::isSystem).isPresent();
    }

    private static boolean isSystem(Expression e) {
        return e instanceof NameExpr n && n.getNameAsString().equals("System")
                || e instanceof FieldAccessExpr f && f.toString().equals("java.lang.System");
    }

    private static void setting(JavaUnit unit, MethodCallExpr call, Observed out) {
        Expression valueExpr = call.getArgument(1);
        Location at = unit.location(valueExpr);
        Optional<String> value = ConstantFolder.fold(valueExpr, unit.names());
        if (value.isEmpty()) {
            out.unjudged(at, "`" + shorten(valueExpr.toString()) + "`");
            return;
        }
        String where = "System.setProperty in " + enclosingName(call);
        String late = lateBecause(call);
        LaunchMechanismSetting.Effect effect = late == null ? LaunchMechanismSetting.Effect.EARLY
                : LaunchMechanismSetting.Effect.LATE;
        out.setting(new LaunchMechanismSetting(at, value.get(), where, unit.jdk(), onlyOnMacOsOrAix(call), effect, late));
    }

    private static void optionLiteral(JavaUnit unit, LiteralStringValueExpr literal, Observed out) {
        String text = literal instanceof TextBlockLiteralExpr t ? t.asString() : ((StringLiteralExpr) literal).asString();
        if (!text.contains(LaunchOption.PROPERTY)) {
            return;
        }
        var hits = LaunchOption.in(text);
        if (hits.isEmpty()) {
            return;
        }
        // "-D...=" + mode: the option's value is whatever the concatenation folds to.
        if (hits.size() == 1 && hits.get(0).value().isEmpty() && literal.getParentNode().orElse(null) instanceof BinaryExpr b
                && b.getLeft() == literal && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> whole = ConstantFolder.fold(b, unit.names());
            if (whole.isEmpty()) {
                out.unjudged(unit.location(b.getRight()), "`" + shorten(b.getRight().toString()) + "`");
                return;
            }
            text = whole.get();
            hits = LaunchOption.in(text);
        }
        if (!LaunchOption.isArgumentList(text)) {
            return;
        }
        int from = unit.file().offset(literal.getBegin().map(p -> p.line).orElse(1),
                literal.getBegin().map(p -> p.column).orElse(1));
        for (LaunchOption.Hit hit : hits) {
            if (hit.value().isEmpty()) {
                continue;
            }
            int found = unit.file().find(from, hit.option());
            Location at = unit.file().locate(from, hit.option());
            from = found < 0 ? from : found + 1;
            out.setting(at, hit.value(), "a JVM argument in " + enclosingName(literal), null, false);
        }
    }

    /** Why a setProperty may come after the JDK read the property; null when it comes early enough. */
    private static String lateBecause(Node call) {
        Node child = call;
        for (Node n = call.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr || n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
                return "it runs in a lambda or an anonymous class, whenever that is called";
            }
            if (n instanceof InitializerDeclaration init) {
                return init.isStatic() ? null : "it runs in an instance initializer, after the program started";
            }
            if (n instanceof FieldDeclaration f) {
                return f.isStatic() ? null : "it runs when an object is created, after the program started";
            }
            if (n instanceof CallableDeclaration<?> callable) {
                if (!(callable instanceof MethodDeclaration m) || !isEntryPoint(m)) {
                    return "it runs in " + callable.getNameAsString() + "(), which can be called after the JVM "
                            + "started a process";
                }
                return earlyInBody(call, m);
            }
            if (n instanceof TypeDeclaration<?>) {
                return null;
            }
        }
        return null;
    }

    private static boolean isEntryPoint(MethodDeclaration m) {
        String name = m.getNameAsString();
        return name.equals("main") && m.getParameters().size() <= 1
                || (name.equals("premain") || name.equals("agentmain")) && m.isStatic();
    }

    /** Only statements that cannot start a process may come before it, at every level of nesting. */
    private static String earlyInBody(Node call, MethodDeclaration entry) {
        Node child = call;
        for (Node n = call.getParentNode().orElse(null); n != null && n != entry; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof BlockStmt block) {
                for (Statement s : block.getStatements()) {
                    if (s == child) {
                        break;
                    }
                    if (!harmless(s)) {
                        return "it runs in " + entry.getNameAsString() + "() after `" + shorten(s.toString())
                                + "`, which may already have started a process";
                    }
                }
            }
        }
        return null;
    }

    private static boolean harmless(Statement s) {
        if (!(s instanceof ExpressionStmt) && !(s instanceof IfStmt) && !s.isLocalClassDeclarationStmt()
                && !s.isEmptyStmt() && !(s instanceof BlockStmt)) {
            return false;
        }
        return s.findAll(MethodCallExpr.class).stream().allMatch(c -> HARMLESS_CALLS.contains(c.getNameAsString()))
                && s.findAll(ObjectCreationExpr.class).isEmpty();
    }

    /** Inside the then-branch of an if whose condition tests for macOS or AIX (and not its negation). */
    private static boolean onlyOnMacOsOrAix(Node call) {
        Node child = call;
        for (Node n = call.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof IfStmt i && i.getThenStmt() == child && testsForMacOsOrAix(i.getCondition())) {
                return true;
            }
            if (n instanceof CallableDeclaration<?>) {
                return false;
            }
        }
        return false;
    }

    private static boolean testsForMacOsOrAix(Expression condition) {
        if (condition instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return false;
        }
        if (condition instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.OR) {
            return testsForMacOsOrAix(b.getLeft()) && testsForMacOsOrAix(b.getRight());
        }
        if (condition instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.AND) {
            return testsForMacOsOrAix(b.getLeft()) || testsForMacOsOrAix(b.getRight());
        }
        for (Node n : condition.findAll(Node.class)) {
            if (n instanceof NodeWithSimpleName<?> named && !(n instanceof MethodCallExpr)
                    && MAC_OR_AIX_NAME.matcher(named.getNameAsString()).matches()) {
                return true;
            }
            if (n instanceof MethodCallExpr m && MAC_OR_AIX_NAME.matcher(m.getNameAsString().replaceFirst("^is", "")).matches()) {
                return true;
            }
            if (n instanceof StringLiteralExpr s) {
                String v = s.asString().toLowerCase(Locale.ROOT);
                if (v.startsWith("mac") || v.equals("darwin") || v.equals("aix")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String enclosingName(Node node) {
        String method = null;
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (method == null && n instanceof CallableDeclaration<?> c) {
                method = c.getNameAsString() + "()";
            }
            if (method == null && n instanceof InitializerDeclaration i) {
                method = i.isStatic() ? "a static initializer" : "an initializer";
            }
            if (n instanceof TypeDeclaration<?> t) {
                return method == null ? t.getNameAsString() : t.getNameAsString() + "." + method;
            }
        }
        return method == null ? "a compact source file" : method;
    }

    static String shorten(String code) {
        String one = code.replaceAll("\\s+", " ").trim();
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
