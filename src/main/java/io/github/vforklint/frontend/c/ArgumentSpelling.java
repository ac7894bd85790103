package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IVariable;

/**
 * How an argument is spelled in the source. Flags are often kept in a variable
 * ({@code int flags = CLONE_VM | CLONE_VFORK;}) or a struct ({@code &args} for clone3), so a name
 * or {@code &name} that refers to a variable with an initializer is spelled as the initializer.
 */
final class ArgumentSpelling {

    private ArgumentSpelling() {
    }

    /** The argument as written, then as expanded (a macro such as SPAWN_FLAGS shows what it stands for). */
    static String of(IASTInitializerClause argument) {
        String written = spelling(argument);
        if (argument instanceof org.eclipse.cdt.core.dom.ast.IASTExpression expression) {
            String expanded = org.eclipse.cdt.core.dom.ast.ASTSignatureUtil.getExpressionString(expression);
            if (!expanded.equals(written)) {
                return written + " " + expanded;
            }
        }
        return written;
    }

    private static String spelling(IASTInitializerClause argument) {
        IASTNode node = argument;
        if (node instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_amper) {
            node = unary.getOperand();
        }
        if (node instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof IVariable variable) {
            String initializer = initializerOf(id, variable);
            if (initializer != null) {
                return initializer;
            }
        }
        return argument.getRawSignature();
    }

    /**
     * For a function pointer variable initialised with a function's name ({@code pid_t
     * (*spawn)(void) = vfork;}), that name; else null.
     */
    static String initialFunction(IVariable variable) {
        for (IASTName name : DeclarationNames.of(variable)) {
            if (DeclarationNames.initializerOf(name) instanceof IASTEqualsInitializer equals
                    && equals.getInitializerClause() instanceof org.eclipse.cdt.core.dom.ast.IASTExpression value) {
                org.eclipse.cdt.core.dom.ast.IASTExpression e = ExpressionLowering.stripParentheses(value);
                if (e instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_amper) {
                    e = ExpressionLowering.stripParentheses(unary.getOperand());
                }
                // an undeclared name (no system headers read) used as a pointer's value is a function too
                if (e instanceof IASTIdExpression id && (id.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IFunction
                        || id.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IProblemBinding)) {
                    return id.getName().toString();
                }
            }
        }
        return null;
    }

    private static String initializerOf(IASTIdExpression use, IVariable variable) {
        for (IASTName name : DeclarationNames.of(variable)) {
            if (DeclarationNames.initializerOf(name) instanceof IASTEqualsInitializer equals) {
                return equals.getInitializerClause().getRawSignature();
            }
        }
        return null;
    }
}
