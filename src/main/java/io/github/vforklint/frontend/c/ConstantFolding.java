package io.github.vforklint.frontend.c;

import io.github.vforklint.ir.Expr;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;

/** Integer constants as C spells them, so {@code case -1:} and {@code (pid_t)-1} compare as numbers. */
final class ConstantFolding {

    private ConstantFolding() {
    }

    static Expr literal(IASTLiteralExpression literal) {
        if (literal.getKind() != IASTLiteralExpression.lk_integer_constant) {
            return Expr.OPAQUE;
        }
        Long value = parseInteger(String.valueOf(literal.getValue()));
        return value == null ? Expr.OPAQUE : new Expr.IntConst(value);
    }

    static Long parseInteger(String token) {
        String digits = token.replace("'", "").replaceAll("[uUlL]+$", "");
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return Long.parseUnsignedLong(digits.substring(2), 16);
            }
            if (digits.startsWith("0b") || digits.startsWith("0B")) {
                return Long.parseUnsignedLong(digits.substring(2), 2);
            }
            if (digits.length() > 1 && digits.startsWith("0")) {
                return Long.parseUnsignedLong(digits.substring(1), 8);
            }
            // 18446744073709551615ULL is a C literal too: its bits, as C's unsigned long long has them
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The value of an expression made only of integer literals (after macro expansion), without
     * lowering it: null when it is anything else. Decides {@code BB_MMU ? fork() : vfork()}.
     */
    static Expr constant(org.eclipse.cdt.core.dom.ast.IASTExpression e) {
        if (e instanceof IASTLiteralExpression literal) {
            Expr value = literal(literal);
            return value instanceof Expr.IntConst ? value : null;
        }
        if (e instanceof org.eclipse.cdt.core.dom.ast.IASTCastExpression cast) {
            return constant(cast.getOperand());
        }
        if (e instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression unary) {
            Expr inner = constant(unary.getOperand());
            if (!(inner instanceof Expr.IntConst c)) {
                return null;
            }
            return switch (unary.getOperator()) {
                case org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_bracketedPrimary,
                     org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_plus -> c;
                case org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_minus -> new Expr.IntConst(-c.value());
                case org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_not -> new Expr.IntConst(c.value() == 0 ? 1 : 0);
                default -> null;
            };
        }
        if (e instanceof IASTBinaryExpression binary) {
            Expr left = constant(binary.getOperand1());
            Expr right = constant(binary.getOperand2());
            if (left == null || right == null) {
                return null;
            }
            Expr value = arithmetic(binary.getOperator(), left, right);
            return value instanceof Expr.IntConst ? value : null;
        }
        return null;
    }

    /**
     * The value of a {@code const} integer object with a constant initializer ({@code static
     * const pid_t IN_CHILD = 0;}), or null for anything else: such an object is only a name for
     * its value.
     */
    static Expr constObject(org.eclipse.cdt.core.dom.ast.IVariable variable) {
        org.eclipse.cdt.core.dom.ast.IType type = variable.getType();
        boolean isConst = false;
        for (int guard = 0; guard < 16 && type != null; guard++) {
            if (type instanceof org.eclipse.cdt.core.dom.ast.IQualifierType q) {
                if (q.isVolatile()) {
                    return null;
                }
                isConst |= q.isConst();
                type = q.getType();
            } else if (type instanceof org.eclipse.cdt.core.dom.ast.ITypedef t) {
                type = t.getType();
            } else {
                break;
            }
        }
        // const pid_t IN_CHILD = 0 with pid_t from a header that was not read: the type is a
        // problem type, but still not a pointer, array or struct
        if (!isConst || type instanceof org.eclipse.cdt.core.dom.ast.IPointerType
                || type instanceof org.eclipse.cdt.core.dom.ast.IArrayType
                || type instanceof org.eclipse.cdt.core.dom.ast.ICompositeType
                || type instanceof org.eclipse.cdt.core.dom.ast.IFunctionType) {
            return null;
        }
        for (org.eclipse.cdt.core.dom.ast.IASTName name : DeclarationNames.of(variable)) {
            if (DeclarationNames.initializerOf(name) instanceof org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer equals
                    && equals.getInitializerClause() instanceof org.eclipse.cdt.core.dom.ast.IASTExpression value) {
                return constant(ExpressionLowering.stripParentheses(value));
            }
        }
        return null;
    }

    static Expr arithmetic(int operator, Expr left, Expr right) {
        if (!(left instanceof Expr.IntConst l) || !(right instanceof Expr.IntConst r)) {
            return Expr.OPAQUE;
        }
        return switch (operator) {
            case IASTBinaryExpression.op_plus -> new Expr.IntConst(l.value() + r.value());
            case IASTBinaryExpression.op_minus -> new Expr.IntConst(l.value() - r.value());
            case IASTBinaryExpression.op_multiply -> new Expr.IntConst(l.value() * r.value());
            case IASTBinaryExpression.op_binaryOr -> new Expr.IntConst(l.value() | r.value());
            case IASTBinaryExpression.op_binaryAnd -> new Expr.IntConst(l.value() & r.value());
            case IASTBinaryExpression.op_shiftLeft -> new Expr.IntConst(l.value() << r.value());
            default -> Expr.OPAQUE;
        };
    }
}
