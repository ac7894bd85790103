package io.github.vforklint.frontend.c;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.LValue;
import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.Variable;
import org.eclipse.cdt.core.dom.ast.ASTSignatureUtil;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTProblemExpression;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdInitializerExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IEnumerator;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * Lowers an expression into events appended to the current CFG node, in evaluation order, and
 * returns the small {@link Expr} the analysis evaluates. Outside branch conditions, {@code &&},
 * {@code ||} and {@code ?:} do not split the CFG: their operands' events are all kept, which
 * over-approximates what the child may do.
 */
final class ExpressionLowering {

    private final FunctionLowering function;
    private final VariableTable variables;
    private final LocationMapper locations;
    private final NoReturnDeclarations noReturn;
    private final SpelledCalls spelled;

    /** @param spelled calls whose arguments must keep their spelling (syscall, clone: see VforkCalls) */
    ExpressionLowering(FunctionLowering function, VariableTable variables, LocationMapper locations,
                       NoReturnDeclarations noReturn, SpelledCalls spelled) {
        this.function = function;
        this.variables = variables;
        this.locations = locations;
        this.noReturn = noReturn;
        this.spelled = spelled;
    }

    Expr lower(IASTInitializerClause clause) {
        if (clause instanceof IASTExpression expression) {
            return lower(expression);
        }
        if (clause instanceof IASTInitializerList list) {
            for (IASTInitializerClause c : list.getClauses()) {
                lower(c);
            }
        }
        return Expr.OPAQUE;
    }

    Expr lower(IASTExpression e) {
        if (e == null) {
            return Expr.OPAQUE;
        }
        if (e instanceof IASTIdExpression id) {
            return lowerName(id);
        }
        if (e instanceof IASTLiteralExpression literal) {
            return ConstantFolding.literal(literal);
        }
        if (e instanceof IASTUnaryExpression unary) {
            return lowerUnary(unary);
        }
        if (e instanceof IASTBinaryExpression binary) {
            return lowerBinary(binary);
        }
        if (e instanceof IASTFunctionCallExpression call) {
            return lowerCall(call);
        }
        if (e instanceof IASTCastExpression cast) {
            return lower(cast.getOperand());
        }
        if (e instanceof IASTExpressionList list) {
            Expr last = Expr.OPAQUE;
            for (IASTExpression part : list.getExpressions()) {
                last = lower(part);
            }
            return last;
        }
        if (e instanceof IASTConditionalExpression conditional) {
            return lowerConditional(conditional);
        }
        if (e instanceof IASTFieldReference field) {
            Expr container = field.isPointerDereference() ? lower(field.getFieldOwner()) : addressOf(field.getFieldOwner());
            boolean simple = container instanceof Expr.VarRef || container instanceof Expr.AddressOf
                    || container instanceof Expr.Member || container instanceof Expr.Derived;
            String path = LValue.normalise(ASTSignatureUtil.getExpressionString(field));
            return new Expr.Member(simple ? path : "", container, isArray(field));
        }
        if (e instanceof IASTArraySubscriptExpression subscript) {
            Expr array = lower(subscript.getArrayExpression());
            Expr index = lower(subscript.getArgument());
            boolean simple = (array instanceof Expr.VarRef || array instanceof Expr.AddressOf || array instanceof Expr.Member)
                    && (index instanceof Expr.VarRef || index instanceof Expr.IntConst);
            // pids[i] = vfork(); if (pids[i] == 0): the element is named like a member path.
            String path = LValue.normalise(ASTSignatureUtil.getExpressionString(subscript));
            return new Expr.Member(simple ? path : "", array, isArray(subscript));
        }
        if (e instanceof IGNUASTCompoundStatementExpression statementExpression) {
            return lowerStatementExpression(statementExpression.getCompoundStatement());
        }
        if (e instanceof IASTTypeIdInitializerExpression literal) {
            lower(literal.getInitializer() instanceof IASTInitializerClause c ? c : null);
            return Expr.OPAQUE;
        }
        if (e instanceof IASTProblemExpression problem) {
            function.skipped(problem);
            Location at = locations.of(problem);
            if (at != null) {
                function.emit(new Event.Unparsed(at));
            }
            return Expr.OPAQUE;
        }
        for (IASTNode child : e.getChildren()) {
            if (child instanceof IASTExpression sub) {
                lower(sub);
            }
        }
        return Expr.OPAQUE;
    }

    private Expr lowerName(IASTIdExpression id) {
        IBinding binding = id.getName().resolveBinding();
        if (binding instanceof IVariable v) {
            Expr constant = ConstantFolding.constObject(v);
            if (constant != null) {
                // static const pid_t IN_CHILD = 0: a name for a number, not memory anyone writes.
                return constant;
            }
            Variable variable = variables.of(v, locations.of(id));
            function.emit(new Event.Read(variable, locations.of(id)));
            // An array used as a value decays to the address of its own storage.
            return variable.shape() == Variable.Shape.ARRAY ? new Expr.AddressOf(variable) : new Expr.VarRef(variable);
        }
        if (binding instanceof IEnumerator enumerator) {
            Number n = enumerator.getValue() == null ? null : enumerator.getValue().numberValue();
            return n == null ? Expr.OPAQUE : new Expr.IntConst(n.longValue());
        }
        if (binding instanceof IFunction) {
            return new Expr.FunctionRef(id.getName().toString());
        }
        if (binding instanceof org.eclipse.cdt.core.dom.ast.IProblemBinding) {
            Expr truth = BOOLEAN_CONSTANTS.get(id.getName().toString());
            return truth != null ? truth : new Expr.Flags(java.util.Set.of(id.getName().toString()));
        }
        return Expr.OPAQUE;
    }

    /**
     * {@code true} and {@code false} that nothing declares: C23's keywords, and what C99's
     * {@code <stdbool.h>} defines when it is not read. Not predefined as macros, since older code
     * declares its own ({@code typedef enum { false, true } bool;}), which then resolves first.
     * Unknown, {@code while (true) sleep(1);} in a child was a loop that might end, and return.
     */
    private static final java.util.Map<String, Expr> BOOLEAN_CONSTANTS = java.util.Map.of(
            "true", new Expr.IntConst(1), "false", new Expr.IntConst(0));

    /** A pointer to the object an lvalue expression designates ({@code &s} for {@code s.f}). */
    private Expr addressOf(IASTExpression owner) {
        LValue target = lvalue(owner);
        if (target.access() == LValue.Access.THROUGH_POINTER) {
            return target.pointer() == null ? Expr.OPAQUE : new Expr.Derived(target.pointer());
        }
        return target.base() == null ? Expr.OPAQUE : new Expr.AddressOf(target.base());
    }

    private Expr lowerUnary(IASTUnaryExpression unary) {
        IASTExpression operand = unary.getOperand();
        switch (unary.getOperator()) {
            case IASTUnaryExpression.op_bracketedPrimary:
            case IASTUnaryExpression.op_plus:
                return lower(operand);
            case IASTUnaryExpression.op_minus: {
                Expr value = lower(operand);
                return value instanceof Expr.IntConst c ? new Expr.IntConst(-c.value()) : Expr.OPAQUE;
            }
            case IASTUnaryExpression.op_not:
                return new Expr.Not(lower(operand));
            case IASTUnaryExpression.op_amper: {
                if (stripParenthesesAndCasts(operand) instanceof IASTIdExpression id
                        && id.getName().resolveBinding() instanceof IFunction) {
                    return new Expr.FunctionRef(id.getName().toString());
                }
                return addressOf(operand);
            }
            case IASTUnaryExpression.op_star: {
                // *p as a value: what p points to holds pointers the analysis does not follow.
                Expr pointer = lower(operand);
                return pointer instanceof Expr.FunctionRef ? pointer : new Expr.Member("", pointer, false);
            }
            case IASTUnaryExpression.op_prefixIncr:
            case IASTUnaryExpression.op_prefixDecr:
            case IASTUnaryExpression.op_postFixIncr:
            case IASTUnaryExpression.op_postFixDecr: {
                if (isConstant(operand)) {
                    return Expr.OPAQUE;
                }
                LValue target = lvalue(operand);
                readBase(target, operand);
                boolean up = unary.getOperator() == IASTUnaryExpression.op_prefixIncr
                        || unary.getOperator() == IASTUnaryExpression.op_postFixIncr;
                function.emit(new Event.Write(target, null, up ? 1L : -1L, locations.of(unary)));
                // *p++ and *--p write where p points, which is still inside the same object.
                boolean pointer = target.access() == LValue.Access.DIRECT && target.base() != null
                        && target.base().shape() == Variable.Shape.POINTER;
                return pointer ? new Expr.VarRef(target.base()) : Expr.OPAQUE;
            }
            case IASTUnaryExpression.op_sizeof:
            case IASTUnaryExpression.op_alignOf:
                // Not evaluated at run time.
                return Expr.OPAQUE;
            default:
                lower(operand);
                return Expr.OPAQUE;
        }
    }

    private Expr lowerBinary(IASTBinaryExpression binary) {
        int op = binary.getOperator();
        if ((op == IASTBinaryExpression.op_assign || isCompoundAssignment(op)) && isConstant(binary.getOperand1())) {
            return lower(binary.getOperand2());
        }
        if (op == IASTBinaryExpression.op_assign) {
            Expr value = lower(binary.getOperand2());
            LValue target = lvalue(binary.getOperand1());
            function.emit(new Event.Write(target, value, null, locations.of(binary)));
            return target.access() == LValue.Access.DIRECT && target.base() != null
                    ? new Expr.Assign(target.base(), value) : value;
        }
        if (isCompoundAssignment(op)) {
            Expr amount = lower(binary.getOperand2());
            LValue target = lvalue(binary.getOperand1());
            readBase(target, binary.getOperand1());
            Long increment = null;
            if (amount instanceof Expr.IntConst c && op == IASTBinaryExpression.op_plusAssign) {
                increment = c.value();
            } else if (amount instanceof Expr.IntConst c && op == IASTBinaryExpression.op_minusAssign) {
                increment = -c.value();
            }
            function.emit(new Event.Write(target, null, increment, locations.of(binary)));
            return Expr.OPAQUE;
        }
        Expr left = lower(binary.getOperand1());
        Expr right = lower(binary.getOperand2());
        String symbol = comparison(op);
        if (symbol != null) {
            return new Expr.Binary(symbol, left, right);
        }
        if ((op == IASTBinaryExpression.op_plus || op == IASTBinaryExpression.op_minus) && pointsIntoObject(left)
                && isPointer(binary)) {
            // Pointer arithmetic stays inside the object the pointer points into.
            return left instanceof Expr.VarRef || left instanceof Expr.AddressOf ? left : new Expr.Derived(left);
        }
        if (op == IASTBinaryExpression.op_plus && pointsIntoObject(right) && isPointer(binary)) {
            return new Expr.Derived(right);
        }
        if (op == IASTBinaryExpression.op_binaryOr && (left instanceof Expr.Flags || right instanceof Expr.Flags)) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            if (left instanceof Expr.Flags l) {
                names.addAll(l.names());
            }
            if (right instanceof Expr.Flags r) {
                names.addAll(r.names());
            }
            return new Expr.Flags(java.util.Set.copyOf(names));
        }
        Expr folded = ConstantFolding.arithmetic(op, left, right);
        String arithmetic = arithmeticOperator(op);
        if (folded instanceof Expr.Opaque && arithmetic != null && (isValue(left) || isValue(right))
                && (isValue(left) || left instanceof Expr.IntConst) && (isValue(right) || right instanceof Expr.IntConst)) {
            // flags & DAEMON_ONLY_SANITIZE: decided where the variable's value is known
            return new Expr.Arithmetic(arithmetic, left, right);
        }
        return folded;
    }

    private static boolean isValue(Expr e) {
        return e instanceof Expr.VarRef || e instanceof Expr.Member member && !member.path().isEmpty()
                || e instanceof Expr.Arithmetic;
    }

    private static String arithmeticOperator(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_plus -> "+";
            case IASTBinaryExpression.op_minus -> "-";
            case IASTBinaryExpression.op_multiply -> "*";
            case IASTBinaryExpression.op_binaryAnd -> "&";
            case IASTBinaryExpression.op_binaryOr -> "|";
            case IASTBinaryExpression.op_shiftLeft -> "<<";
            case IASTBinaryExpression.op_shiftRight -> ">>";
            default -> null;
        };
    }

    private Expr lowerCall(IASTFunctionCallExpression call) {
        List<Expr> arguments = new ArrayList<>();
        for (IASTInitializerClause argument : call.getArguments()) {
            arguments.add(lower(argument));
        }
        IASTExpression target = stripParentheses(call.getFunctionNameExpression());
        String callee = null;
        boolean declaredNoReturn = false;
        Expr pointer = null;
        if (target instanceof IASTIdExpression id && !(id.getName().resolveBinding() instanceof IVariable)) {
            IBinding binding = id.getName().resolveBinding();
            callee = id.getName().toString();
            declaredNoReturn = binding instanceof IFunction f ? noReturn.isNoReturn(f) : noReturn.isNoReturnName(callee);
        } else if (target instanceof IASTUnaryExpression star && star.getOperator() == IASTUnaryExpression.op_star
                && stripParentheses(star.getOperand()) instanceof IASTIdExpression id
                && id.getName().resolveBinding() instanceof IFunction f) {
            // (*vfork)(): still a direct call
            callee = id.getName().toString();
            declaredNoReturn = noReturn.isNoReturn(f);
        } else {
            // A function pointer: its value is read; a variable initialised with a function's
            // name (pid_t (*spawn)(void) = vfork;) is known to hold that function.
            pointer = lower(target);
            if (pointer instanceof Expr.VarRef ref && target instanceof IASTIdExpression id
                    && id.getName().resolveBinding() instanceof IVariable v) {
                String initial = ArgumentSpelling.initialFunction(v);
                pointer = initial != null ? new Expr.Choice(ref, new Expr.FunctionRef(initial)) : ref;
            }
        }
        List<String> texts = new ArrayList<>();
        if (spelled.keeps(callee, call)) {
            for (IASTInitializerClause argument : call.getArguments()) {
                texts.add(ArgumentSpelling.of(argument));
            }
        }
        Location location = locations.ofCall(call);
        Event.Call event = new Event.Call(callee, List.copyOf(arguments), List.copyOf(texts), location,
                callee != null ? callee : call.getFunctionNameExpression().getRawSignature(), declaredNoReturn, pointer);
        function.emit(event);
        return new Expr.CallValue(event);
    }

    /**
     * {@code BB_MMU ? fork() : vfork()}: when the condition is a constant in the active
     * configuration only the taken branch runs, so only its calls are events.
     */
    private Expr lowerConditional(IASTConditionalExpression conditional) {
        Expr condition = ConstantFolding.constant(conditional.getLogicalConditionExpression());
        IASTExpression whenTrue = conditional.getPositiveResultExpression();
        IASTExpression whenFalse = conditional.getNegativeResultExpression();
        if (condition instanceof Expr.IntConst c) {
            if (c.value() != 0) {
                return whenTrue == null ? condition : lower(whenTrue);
            }
            return lower(whenFalse);
        }
        // Not a constant: each arm gets its own CFG branch, so use_vfork ? vfork() : fork() does
        // not put fork() on the vfork path.
        return function.lowerChoice(conditional);
    }

    private Expr lowerStatementExpression(IASTCompoundStatement body) {
        IASTStatement[] statements = body.getStatements();
        for (int i = 0; i < statements.length - 1; i++) {
            function.lowerStatement(statements[i]);
        }
        if (statements.length > 0 && statements[statements.length - 1] instanceof IASTExpressionStatement last) {
            return lower(last.getExpression());
        }
        if (statements.length > 0) {
            function.lowerStatement(statements[statements.length - 1]);
        }
        return Expr.OPAQUE;
    }

    /** Works out what a write targets, lowering the index and pointer expressions it evaluates on the way. */
    LValue lvalue(IASTExpression raw) {
        IASTExpression e = stripParenthesesAndCasts(raw);
        // The expression as parsed, not as spelled: through a macro, "r", not "EINTRLOOP (r, ...)".
        String text = ASTSignatureUtil.getExpressionString(e);
        if (e instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof IVariable v) {
            return new LValue(variables.of(v, locations.of(id)), LValue.Access.DIRECT, text);
        }
        if (e instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IProblemBinding) {
            // a name no visible declaration defines: a global from a header that was not read, or a
            // macro the parser took for one (static const char s[] ALIGN1 = "...")
            return new LValue(null, LValue.Access.DIRECT, text);
        }
        if (e instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_star) {
            return throughPointer(unary.getOperand(), text);
        }
        if (e instanceof IASTArraySubscriptExpression subscript) {
            lower(subscript.getArgument());
            IASTExpression array = subscript.getArrayExpression();
            if (isArray(array) || isMemberOfUnknownType(array)) {
                return contained(lvalue(array), text);
            }
            return throughPointer(array, text);
        }
        if (e instanceof IASTFieldReference field) {
            if (field.isPointerDereference()) {
                return throughPointer(field.getFieldOwner(), text);
            }
            return contained(lvalue(field.getFieldOwner()), text);
        }
        lower(e);
        return new LValue(null, LValue.Access.THROUGH_POINTER, text, Expr.OPAQUE);
    }

    private static LValue contained(LValue container, String text) {
        LValue.Access access = container.access() == LValue.Access.THROUGH_POINTER
                ? LValue.Access.THROUGH_POINTER : LValue.Access.WITHIN;
        return new LValue(container.base(), access, text, container.pointer());
    }

    /** A write through a pointer value; its base is the variable the pointer is read from, when it is one. */
    private LValue throughPointer(IASTExpression pointer, String text) {
        Expr value = lower(stripParenthesesAndCasts(pointer));
        Variable base = null;
        if (value instanceof Expr.VarRef ref) {
            base = ref.variable();
        } else if (value instanceof Expr.AddressOf address) {
            base = address.variable();
        }
        return new LValue(base, LValue.Access.THROUGH_POINTER, text, value);
    }

    private static boolean pointsIntoObject(Expr value) {
        return value instanceof Expr.AddressOf || value instanceof Expr.Derived || value instanceof Expr.CallValue
                || value instanceof Expr.Member member && member.array()
                || value instanceof Expr.VarRef ref && ref.variable().shape() == Variable.Shape.POINTER;
    }

    private void readBase(LValue target, IASTExpression expression) {
        if (target.access() == LValue.Access.DIRECT && target.base() != null) {
            function.emit(new Event.Read(target.base(), locations.of(expression)));
        }
    }

    private static boolean isPointer(IASTExpression e) {
        try {
            IType type = VariableTable.unwrap(e.getExpressionType());
            return type instanceof org.eclipse.cdt.core.dom.ast.IPointerType || type instanceof IArrayType;
        } catch (RuntimeException ex) {
            return true;
        }
    }

    private static boolean isArray(IASTExpression e) {
        try {
            IType type = VariableTable.unwrap(e.getExpressionType());
            return type instanceof IArrayType;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /**
     * {@code s.field[i]} or {@code p->field[i]} where the struct's definition was not read (a
     * system header, a header not found): the member's type is unknown, but an indexed member is
     * an array inside the struct far more often than a pointer.
     */
    private static boolean isMemberOfUnknownType(IASTExpression e) {
        IASTExpression stripped = stripParentheses(e);
        if (!(stripped instanceof IASTFieldReference)) {
            return false;
        }
        try {
            return VariableTable.unwrap(stripped.getExpressionType()) instanceof org.eclipse.cdt.core.dom.ast.IProblemType;
        } catch (RuntimeException ex) {
            return true;
        }
    }

    static IASTExpression stripParentheses(IASTExpression e) {
        IASTExpression current = e;
        while (current instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
            current = u.getOperand();
        }
        return current;
    }

    /**
     * A constant where an assignment's target goes ({@code 0 = 0}): not C, but what a file reads as
     * when a macro guessed to pass its tokens through ({@code IF_FEATURE_X(content_gzip = 0;)}) holds
     * a name another macro defines as a constant where the feature is off. No object is written.
     */
    private static boolean isConstant(IASTExpression target) {
        IASTExpression e = stripParenthesesAndCasts(target);
        return e instanceof IASTLiteralExpression
                || e instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof IEnumerator;
    }

    private static IASTExpression stripParenthesesAndCasts(IASTExpression e) {
        IASTExpression current = stripParentheses(e);
        while (current instanceof IASTCastExpression cast) {
            current = stripParentheses(cast.getOperand());
        }
        return current;
    }

    private static boolean isCompoundAssignment(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_multiplyAssign, IASTBinaryExpression.op_divideAssign,
                 IASTBinaryExpression.op_moduloAssign, IASTBinaryExpression.op_plusAssign,
                 IASTBinaryExpression.op_minusAssign, IASTBinaryExpression.op_shiftLeftAssign,
                 IASTBinaryExpression.op_shiftRightAssign, IASTBinaryExpression.op_binaryAndAssign,
                 IASTBinaryExpression.op_binaryXorAssign, IASTBinaryExpression.op_binaryOrAssign -> true;
            default -> false;
        };
    }

    private static String comparison(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_equals -> "==";
            case IASTBinaryExpression.op_notequals -> "!=";
            case IASTBinaryExpression.op_lessThan -> "<";
            case IASTBinaryExpression.op_greaterThan -> ">";
            case IASTBinaryExpression.op_lessEqual -> "<=";
            case IASTBinaryExpression.op_greaterEqual -> ">=";
            case IASTBinaryExpression.op_logicalAnd -> "&&";
            case IASTBinaryExpression.op_logicalOr -> "||";
            default -> null;
        };
    }
}
