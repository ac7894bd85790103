package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.internal.core.dom.parser.c.ICInternalBinding;

import java.util.ArrayList;
import java.util.List;

/**
 * The names that declare or define a binding. CDT's C bindings remember their own declarations;
 * asking the translation unit instead ({@code getDeclarationsInAST}) walks the whole AST each
 * time, which, once per called function, was the largest cost of a busybox scan.
 */
final class DeclarationNames {

    private DeclarationNames() {
    }

    /**
     * The name a function definition defines, looking through brackets around it: Emacs' lisp.h
     * writes {@code INLINE bool (CONSP) (Lisp_Object x)} so that the macro CONSP is not expanded
     * there, and the outer declarator's own name is then empty.
     */
    static IASTName definedName(org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition definition) {
        IASTDeclarator declarator = definition.getDeclarator();
        while (declarator.getName().toCharArray().length == 0 && declarator.getNestedDeclarator() != null) {
            declarator = declarator.getNestedDeclarator();
        }
        return declarator.getName();
    }

    static List<IASTName> of(IBinding binding) {
        List<IASTName> names = new ArrayList<>();
        if (binding instanceof ICInternalBinding internal) {
            add(internal.getDefinition(), names);
            IASTNode[] declarations = internal.getDeclarations();
            if (declarations != null) {
                for (IASTNode d : declarations) {
                    add(d, names);
                }
            }
        }
        return names;
    }

    /**
     * The initializer of the declaration a name declares, looking through nested declarators:
     * in {@code pid_t (*spawn)(void) = vfork;} the name sits in {@code (*spawn)}, the initializer
     * on the declarator around it.
     */
    static org.eclipse.cdt.core.dom.ast.IASTInitializer initializerOf(IASTName name) {
        IASTNode node = name.getParent();
        if (!(node instanceof IASTDeclarator declarator)) {
            return null;
        }
        while (declarator.getParent() instanceof IASTDeclarator outer) {
            declarator = outer;
        }
        return declarator.getInitializer();
    }

    private static void add(IASTNode node, List<IASTName> names) {
        if (node instanceof IASTName name) {
            names.add(name);
        } else if (node instanceof IASTDeclarator declarator) {
            names.add(declarator.getName());
        }
    }
}
