package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.dom.ast.IASTAttribute;
import org.eclipse.cdt.core.dom.ast.IASTAttributeOwner;
import org.eclipse.cdt.core.dom.ast.IASTAttributeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IFunction;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a function is declared not to return. CDT's {@link IFunction#isNoReturn()} only sees an
 * attribute written after the declarator; glibc, busybox and C11's {@code _Noreturn} put it in
 * front, on the declaration specifiers, so every declaration of the function is looked at.
 */
final class NoReturnDeclarations {

    private static final Set<String> NAMES = Set.of("noreturn", "__noreturn__", "_Noreturn");

    private final IASTTranslationUnit unit;
    private final Map<IFunction, Boolean> cache = new HashMap<>();

    NoReturnDeclarations(IASTTranslationUnit unit) {
        this.unit = unit;
    }

    boolean isNoReturn(IFunction function) {
        return cache.computeIfAbsent(function, this::lookUp);
    }

    private boolean lookUp(IFunction function) {
        if (function.isNoReturn()) {
            return true;
        }
        for (IASTName name : DeclarationNames.of(function)) {
            if (declaredNoReturn(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaredNoReturn(IASTName name) {
        for (IASTNode node = name.getParent(); node != null; node = node.getParent()) {
            if (node instanceof IASTAttributeOwner owner && hasNoReturn(owner)) {
                return true;
            }
            if (node instanceof IASTSimpleDeclaration declaration) {
                return hasNoReturn(declaration.getDeclSpecifier());
            }
            if (node instanceof IASTFunctionDefinition definition) {
                return hasNoReturn(definition.getDeclSpecifier());
            }
        }
        return false;
    }

    private static boolean hasNoReturn(IASTAttributeOwner owner) {
        for (IASTAttributeSpecifier specifier : owner.getAttributeSpecifiers()) {
            for (IASTAttribute attribute : specifier.getAttributes()) {
                if (NAMES.contains(String.valueOf(attribute.getName()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
