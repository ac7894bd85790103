package io.github.vforklint.frontend.c;

import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.Terminator;
import io.github.vforklint.ir.Variable;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTBreakStatement;
import org.eclipse.cdt.core.dom.ast.IASTCaseStatement;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTContinueStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDefaultStatement;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTNullStatement;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTProblemHolder;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IVariable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the CFG of one function definition. Branch conditions are lowered with short-circuit
 * edges so that {@code if (pid == 0 && ...)} only runs its right operand in the child.
 */
final class FunctionLowering {

    private final LocationMapper locations;
    private final VariableTable variables;
    private final ExpressionLowering expressions;
    private final List<CfgNode> nodes = new ArrayList<>();
    private final Map<String, CfgNode> labels = new HashMap<>();
    private final Deque<CfgNode> breakTargets = new ArrayDeque<>();
    private final Deque<CfgNode> continueTargets = new ArrayDeque<>();
    private final Deque<SwitchContext> switches = new ArrayDeque<>();
    private final List<String> skipped = new ArrayList<>();
    private CfgNode current;

    /** Collects the case labels met while lowering a switch body, wherever they are nested. */
    private static final class SwitchContext {
        final List<Terminator.Case> cases = new ArrayList<>();
        CfgNode otherwise;
    }

    private final NoReturnDeclarations noReturn;

    FunctionLowering(LocationMapper locations, VariableTable variables, NoReturnDeclarations noReturn,
                     SpelledCalls spelled) {
        this.locations = locations;
        this.variables = variables;
        this.noReturn = noReturn;
        this.expressions = new ExpressionLowering(this, variables, locations, noReturn, spelled);
    }

    FunctionBody lower(String unit, IASTFunctionDefinition definition) {
        CfgNode entry = newNode();
        current = entry;
        IASTFunctionDeclarator declarator = definition.getDeclarator();
        List<Variable> parameters = parameters(declarator);
        lowerStatement(definition.getBody());
        if (!current.isTerminated()) {
            current.terminate(new Terminator.Return(locations.lastCharacter(definition.getBody()), true));
        }
        for (CfgNode node : nodes) {
            if (!node.isTerminated()) {
                // Only unreachable placeholders (after a return or goto) are left open.
                node.terminate(new Terminator.Return(locations.lastCharacter(definition.getBody()), true));
            }
        }
        org.eclipse.cdt.core.dom.ast.IASTName name = DeclarationNames.definedName(definition);
        boolean declaredNoReturn = name.resolveBinding() instanceof IFunction f && noReturn.isNoReturn(f);
        boolean exported = definition.getDeclSpecifier().getStorageClass() != IASTDeclSpecifier.sc_static;
        return new FunctionBody(unit, name.toString(), locations.of(name), exported,
                parameters, entry, List.copyOf(nodes), declaredNoReturn, List.copyOf(skipped));
    }

    private List<Variable> parameters(IASTFunctionDeclarator declarator) {
        List<Variable> result = new ArrayList<>();
        if (declarator instanceof IASTStandardFunctionDeclarator standard) {
            for (IASTParameterDeclaration p : standard.getParameters()) {
                if (p.getDeclarator().getName().resolveBinding() instanceof IVariable v) {
                    result.add(variables.of(v, locations.of(p.getDeclarator().getName())));
                }
            }
        }
        return result;
    }

    void emit(Event event) {
        current.add(event);
    }

    /** Code the analysis cannot follow, named for an incomplete-analysis diagnostic. */
    void skipped(IASTNode node) {
        if (node instanceof IASTProblemHolder) {
            return;
        }
        Location at = locations.of(node);
        skipped.add((at == null ? "" : at.line() + ": ") + "cannot follow '" + node.getRawSignature().strip()
                + "'; paths through it are not checked");
    }

    private CfgNode newNode() {
        CfgNode node = new CfgNode(nodes.size());
        nodes.add(node);
        return node;
    }

    private void jumpTo(CfgNode target) {
        current.terminate(new Terminator.Jump(target));
        current = target;
    }

    /** After a return, break or goto, following statements go to a node no edge reaches. */
    private void startUnreachable() {
        current = newNode();
    }

    void lowerStatement(IASTStatement statement) {
        if (statement == null) {
            return;
        }
        if (statement instanceof IASTCompoundStatement compound) {
            for (IASTStatement s : compound.getStatements()) {
                lowerStatement(s);
            }
        } else if (statement instanceof IASTExpressionStatement expression) {
            expressions.lower(expression.getExpression());
        } else if (statement instanceof IASTDeclarationStatement declaration) {
            lowerDeclaration(declaration.getDeclaration());
        } else if (statement instanceof IASTIfStatement ifStatement) {
            lowerIf(ifStatement);
        } else if (statement instanceof IASTWhileStatement loop) {
            lowerWhile(loop);
        } else if (statement instanceof IASTDoStatement loop) {
            lowerDo(loop);
        } else if (statement instanceof IASTForStatement loop) {
            lowerFor(loop);
        } else if (statement instanceof IASTSwitchStatement switchStatement) {
            lowerSwitch(switchStatement);
        } else if (statement instanceof IASTCaseStatement caseStatement) {
            lowerCase(caseStatement);
        } else if (statement instanceof IASTDefaultStatement) {
            lowerDefault();
        } else if (statement instanceof IASTBreakStatement) {
            if (!breakTargets.isEmpty()) {
                current.terminate(new Terminator.Jump(breakTargets.peek()));
            }
            startUnreachable();
        } else if (statement instanceof IASTContinueStatement) {
            if (!continueTargets.isEmpty()) {
                current.terminate(new Terminator.Jump(continueTargets.peek()));
            }
            startUnreachable();
        } else if (statement instanceof IASTReturnStatement ret) {
            Expr value = ret.getReturnArgument() == null ? null : expressions.lower(ret.getReturnArgument());
            current.terminate(new Terminator.Return(locations.of(ret), false, value));
            startUnreachable();
        } else if (statement instanceof IASTGotoStatement gotoStatement) {
            current.terminate(new Terminator.Jump(label(gotoStatement.getName().toString())));
            startUnreachable();
        } else if (statement instanceof IASTLabelStatement labelled) {
            jumpTo(label(labelled.getName().toString()));
            lowerStatement(labelled.getNestedStatement());
        } else if (statement instanceof IASTNullStatement) {
            return;
        } else if (statement instanceof IASTProblemHolder) {
            // Already a diagnostic of the unit: the parser could not read this statement.
            Location at = locations.of(statement);
            if (at != null) {
                emit(new Event.Unparsed(at));
            }
        } else {
            // Computed goto and other GNU forms: the path cannot be followed past here.
            skipped(statement);
            current.terminate(new Terminator.Unfollowable(locations.of(statement)));
            startUnreachable();
        }
    }

    private CfgNode label(String name) {
        return labels.computeIfAbsent(name, n -> newNode());
    }

    private void lowerDeclaration(IASTDeclaration declaration) {
        if (!(declaration instanceof IASTSimpleDeclaration simple)) {
            if (declaration instanceof IASTProblemHolder) {
                skipped(declaration);
            }
            return;
        }
        boolean isStatic = simple.getDeclSpecifier().getStorageClass() == IASTDeclSpecifier.sc_static;
        for (IASTDeclarator declarator : simple.getDeclarators()) {
            if (declarator instanceof IASTFunctionDeclarator
                    || !(declarator.getName().resolveBinding() instanceof IVariable binding)) {
                continue;
            }
            Location at = locations.of(declarator.getName());
            Variable variable = variables.of(binding, at);
            IASTInitializer initializer = declarator.getInitializer();
            Expr initial = null;
            if (initializer instanceof IASTEqualsInitializer equals && !isStatic) {
                IASTInitializerClause clause = equals.getInitializerClause();
                initial = expressions.lower(clause);
            }
            emit(new Event.Declare(variable, initial, at));
        }
    }

    private void lowerIf(IASTIfStatement statement) {
        CfgNode then = newNode();
        CfgNode otherwise = newNode();
        CfgNode after = statement.getElseClause() == null ? otherwise : newNode();
        lowerCondition(statement.getConditionExpression(), then, otherwise);
        current = then;
        lowerStatement(statement.getThenClause());
        current.terminate(new Terminator.Jump(after));
        if (statement.getElseClause() != null) {
            current = otherwise;
            lowerStatement(statement.getElseClause());
            current.terminate(new Terminator.Jump(after));
        }
        current = after;
    }

    private void lowerWhile(IASTWhileStatement loop) {
        CfgNode head = newNode();
        CfgNode body = newNode();
        CfgNode after = newNode();
        jumpTo(head);
        lowerCondition(loop.getCondition(), body, after);
        lowerLoopBody(loop.getBody(), body, head, after);
        current.terminate(new Terminator.Jump(head));
        current = after;
    }

    private void lowerDo(IASTDoStatement loop) {
        CfgNode body = newNode();
        CfgNode condition = newNode();
        CfgNode after = newNode();
        jumpTo(body);
        lowerLoopBody(loop.getBody(), body, condition, after);
        jumpTo(condition);
        lowerCondition(loop.getCondition(), body, after);
        current = after;
    }

    private void lowerFor(IASTForStatement loop) {
        lowerStatement(loop.getInitializerStatement());
        CfgNode head = newNode();
        CfgNode body = newNode();
        CfgNode step = newNode();
        CfgNode after = newNode();
        jumpTo(head);
        if (loop.getConditionExpression() == null) {
            current.terminate(new Terminator.Jump(body));
        } else {
            lowerCondition(loop.getConditionExpression(), body, after);
        }
        lowerLoopBody(loop.getBody(), body, step, after);
        jumpTo(step);
        expressions.lower(loop.getIterationExpression());
        current.terminate(new Terminator.Jump(head));
        current = after;
    }

    private void lowerLoopBody(IASTStatement body, CfgNode start, CfgNode continueTarget, CfgNode breakTarget) {
        current = start;
        breakTargets.push(breakTarget);
        continueTargets.push(continueTarget);
        lowerStatement(body);
        breakTargets.pop();
        continueTargets.pop();
    }

    private void lowerSwitch(IASTSwitchStatement statement) {
        Expr selector = expressions.lower(statement.getControllerExpression());
        CfgNode head = current;
        CfgNode after = newNode();
        SwitchContext context = new SwitchContext();
        switches.push(context);
        breakTargets.push(after);
        startUnreachable();
        lowerStatement(statement.getBody());
        current.terminate(new Terminator.Jump(after));
        breakTargets.pop();
        switches.pop();
        head.terminate(new Terminator.Switch(selector, List.copyOf(context.cases),
                context.otherwise != null ? context.otherwise : after));
        current = after;
    }

    private void lowerCase(IASTCaseStatement statement) {
        CfgNode target = newNode();
        jumpTo(target);
        if (switches.isEmpty()) {
            return;
        }
        Expr value = expressions.lower(statement.getExpression());
        if (value instanceof Expr.IntConst constant) {
            switches.peek().cases.add(new Terminator.Case(constant.value(), target));
        } else {
            // A label we cannot fold may match anything: treat it like another default.
            switches.peek().cases.add(new Terminator.Case(Long.MIN_VALUE, target));
        }
    }

    private void lowerDefault() {
        CfgNode target = newNode();
        jumpTo(target);
        if (!switches.isEmpty()) {
            switches.peek().otherwise = target;
        }
    }

    /** {@code c ? a : b} (or GNU {@code c ?: b}) as a branch and a join; its value is either arm's. */
    Expr lowerChoice(org.eclipse.cdt.core.dom.ast.IASTConditionalExpression conditional) {
        CfgNode whenTrue = newNode();
        CfgNode whenFalse = newNode();
        CfgNode join = newNode();
        IASTExpression condition = conditional.getLogicalConditionExpression();
        if (conditional.getPositiveResultExpression() == null) {
            // c ?: b evaluates c once, and yields it when it is true.
            Expr value = expressions.lower(condition);
            current.terminate(new Terminator.Branch(value, whenTrue, whenFalse));
            current = whenTrue;
            current.terminate(new Terminator.Jump(join));
            current = whenFalse;
            Expr other = expressions.lower(conditional.getNegativeResultExpression());
            current.terminate(new Terminator.Jump(join));
            current = join;
            return new Expr.Choice(value, other);
        }
        lowerCondition(condition, whenTrue, whenFalse);
        current = whenTrue;
        Expr first = expressions.lower(conditional.getPositiveResultExpression());
        current.terminate(new Terminator.Jump(join));
        current = whenFalse;
        Expr second = expressions.lower(conditional.getNegativeResultExpression());
        current.terminate(new Terminator.Jump(join));
        current = join;
        return new Expr.Choice(first, second);
    }

    /** Lowers a branch condition into short-circuit edges to {@code whenTrue} / {@code whenFalse}. */
    void lowerCondition(IASTExpression condition, CfgNode whenTrue, CfgNode whenFalse) {
        IASTExpression e = ExpressionLowering.stripParentheses(condition);
        if (e instanceof IASTBinaryExpression binary && binary.getOperator() == IASTBinaryExpression.op_logicalAnd) {
            CfgNode right = newNode();
            lowerCondition(binary.getOperand1(), right, whenFalse);
            current = right;
            lowerCondition(binary.getOperand2(), whenTrue, whenFalse);
        } else if (e instanceof IASTBinaryExpression binary && binary.getOperator() == IASTBinaryExpression.op_logicalOr) {
            CfgNode right = newNode();
            lowerCondition(binary.getOperand1(), whenTrue, right);
            current = right;
            lowerCondition(binary.getOperand2(), whenTrue, whenFalse);
        } else if (e instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_not) {
            lowerCondition(unary.getOperand(), whenFalse, whenTrue);
        } else if (e instanceof IASTExpressionList list) {
            IASTExpression[] parts = list.getExpressions();
            for (int i = 0; i < parts.length - 1; i++) {
                expressions.lower(parts[i]);
            }
            lowerCondition(parts[parts.length - 1], whenTrue, whenFalse);
        } else {
            Expr value = e == null ? Expr.OPAQUE : expressions.lower(e);
            current.terminate(new Terminator.Branch(value, whenTrue, whenFalse));
        }
    }
}
