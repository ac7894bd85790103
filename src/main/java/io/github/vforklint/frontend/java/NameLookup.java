package io.github.vforklint.frontend.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a name in Java code declares: first as the symbol solver resolves it, and when that fails
 * (the solver gives up on a class whose supertype is in a jar the scan does not have, such as
 * JNA's {@code Library}) by scope, among the files this scan parsed: a local or parameter of the
 * enclosing method, a field of the file's types, a static import, or {@code Type.FIELD} for a type
 * the scan parsed.
 */
final class NameLookup {

    private final Map<String, List<TypeDeclaration<?>>> typesBySimpleName = new HashMap<>();

    void add(CompilationUnit cu) {
        for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
            typesBySimpleName.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(t);
        }
    }

    /** The declaration of a name or field access: a VariableDeclarator or a Parameter. */
    Optional<Node> declaration(Expression name) {
        try {
            ResolvedValueDeclaration d = name instanceof NameExpr n ? n.resolve() : ((FieldAccessExpr) name).resolve();
            Optional<Node> ast = d.toAst();
            if (ast.isPresent()) {
                Node node = ast.get();
                if (node instanceof FieldDeclaration f) {
                    return f.getVariables().stream().filter(v -> v.getNameAsString().equals(d.getName()))
                            .map(v -> (Node) v).findFirst();
                }
                if (node instanceof VariableDeclarationExpr local) {
                    return local.getVariables().stream().filter(v -> v.getNameAsString().equals(d.getName()))
                            .map(v -> (Node) v).findFirst();
                }
                return Optional.of(node);
            }
        } catch (RuntimeException | StackOverflowError unresolved) {
            // Fall back to the scope rules below.
        }
        if (name instanceof NameExpr n) {
            return byScope(n);
        }
        if (name instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr type) {
            return field(type.getNameAsString(), f.getNameAsString());
        }
        return Optional.empty();
    }

    private Optional<Node> byScope(NameExpr n) {
        String name = n.getNameAsString();
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> c) {
                for (Parameter param : c.getParameters()) {
                    if (param.getNameAsString().equals(name)) {
                        return Optional.of(param);
                    }
                }
                Optional<VariableDeclarator> local = c.findAll(VariableDeclarator.class).stream()
                        .filter(v -> v.getNameAsString().equals(name) && !(v.getParentNode().orElse(null) instanceof FieldDeclaration))
                        .findFirst();
                if (local.isPresent()) {
                    return Optional.of(local.get());
                }
            }
            if (p instanceof TypeDeclaration<?> t) {
                Optional<Node> own = fieldOf(t, name);
                if (own.isPresent()) {
                    return own;
                }
            }
            if (p instanceof CompilationUnit cu) {
                for (ImportDeclaration i : cu.getImports()) {
                    String imported = i.getNameAsString();
                    if (i.isStatic() && !i.isAsterisk() && imported.endsWith("." + name)) {
                        String owner = imported.substring(0, imported.length() - name.length() - 1);
                        return field(owner.substring(owner.lastIndexOf('.') + 1), name);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Node> field(String typeSimpleName, String field) {
        for (TypeDeclaration<?> t : typesBySimpleName.getOrDefault(typeSimpleName, List.of())) {
            Optional<Node> found = fieldOf(t, field);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Node> fieldOf(TypeDeclaration<?> t, String name) {
        for (FieldDeclaration f : t.getFields()) {
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
