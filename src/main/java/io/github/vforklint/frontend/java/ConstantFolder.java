package io.github.vforklint.frontend.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Folds a Java expression to the string it always has, as javac would for a constant: literals
 * (text blocks included), {@code +} of foldable parts, and names of {@code static final} fields
 * (interface fields are implicitly so) or effectively final locals whose initializer folds,
 * followed into other files through the symbol solver. Anything else has no constant value.
 */
final class ConstantFolder {

    private ConstantFolder() {
    }

    static Optional<String> fold(Expression e, NameLookup names) {
        return fold(e, names, new HashSet<>());
    }

    private static Optional<String> fold(Expression e, NameLookup names, Set<Node> visiting) {
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return Optional.of(t.asString());
        }
        if (e instanceof EnclosedExpr en) {
            return fold(en.getInner(), names, visiting);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = fold(b.getLeft(), names, visiting);
            if (left.isEmpty()) {
                return Optional.empty();
            }
            return fold(b.getRight(), names, visiting).map(right -> left.get() + right);
        }
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
            return names.declaration(e).filter(d -> d instanceof VariableDeclarator).map(d -> (VariableDeclarator) d)
                    .flatMap(v -> {
                        if (!visiting.add(v) || v.getInitializer().isEmpty() || !isConstant(v)) {
                            return Optional.empty();
                        }
                        return fold(v.getInitializer().get(), names, visiting);
                    });
        }
        return Optional.empty();
    }

    /** A static final field, a field of an interface, or a local that is final or never assigned again. */
    private static boolean isConstant(VariableDeclarator v) {
        Optional<Node> parent = v.getParentNode();
        if (parent.isPresent() && parent.get() instanceof FieldDeclaration f) {
            boolean inInterface = f.getParentNode().filter(p -> p instanceof ClassOrInterfaceDeclaration c && c.isInterface())
                    .isPresent();
            return inInterface || f.isStatic() && f.isFinal();
        }
        if (parent.isPresent() && parent.get() instanceof VariableDeclarationExpr local) {
            return local.isFinal() || !reassigned(v);
        }
        return false;
    }

    private static boolean reassigned(VariableDeclarator v) {
        Optional<Node> scope = v.getParentNode().flatMap(Node::getParentNode).flatMap(Node::getParentNode);
        if (scope.isEmpty()) {
            return true;
        }
        String name = v.getNameAsString();
        return scope.get().findAll(AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget() instanceof NodeWithSimpleName<?> n && n.getNameAsString().equals(name));
    }
}
