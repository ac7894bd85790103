package io.github.vforklint.frontend.java;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import io.github.vforklint.analysis.jvm.TargetJdk;
import io.github.vforklint.finding.Location;

/**
 * One parsed Java file with what the checks ask of it: locations of nodes, its imports, the
 * JDK its module targets, and what its names declare.
 */
record JavaUnit(JvmFile file, CompilationUnit cu, TargetJdk jdk, NameLookup names) {

    /** A node's span; JavaParser's end position is inclusive, a location's end column is not. */
    Location location(Node node) {
        Range r = node.getRange().orElse(null);
        if (r == null) {
            return file.span(0, 1);
        }
        return new Location(file.shown(), r.begin.line, r.begin.column, r.end.line, r.end.column + 1, null);
    }

    /** Whether the file imports a type or package starting with {@code prefix} ("com.sun.jna", "jnr.posix.POSIX"). */
    boolean imports(String prefix) {
        for (ImportDeclaration i : cu.getImports()) {
            String name = i.getNameAsString();
            if (name.equals(prefix) || name.startsWith(prefix + ".") || i.isAsterisk() && prefix.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a simple type name in this file stands for the qualified one (imported, or written in full). */
    boolean means(String simpleOrQualified, String qualified) {
        if (simpleOrQualified.equals(qualified)) {
            return true;
        }
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        String pkg = qualified.substring(0, qualified.lastIndexOf('.'));
        if (!simpleOrQualified.equals(simple)) {
            return false;
        }
        for (ImportDeclaration i : cu.getImports()) {
            if (!i.isStatic() && (i.getNameAsString().equals(qualified) || i.isAsterisk() && i.getNameAsString().equals(pkg))) {
                return true;
            }
        }
        return cu.getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(false);
    }
}
