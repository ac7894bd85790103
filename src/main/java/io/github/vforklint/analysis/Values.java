package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.Variable;
import io.github.vforklint.knowledge.FunctionKnowledge;

import java.util.HashSet;
import java.util.Set;

/**
 * Evaluates expressions in a {@link FlowState}: integers (branch conditions on the vfork result
 * and on what was computed from it), whether a value is the vfork result itself, and which
 * objects a pointer value may point into (the memory model).
 */
final class Values {

    private final FunctionKnowledge knowledge;
    private final FunctionBody function;
    private final boolean helper;

    Values(FunctionKnowledge knowledge, FunctionBody function, boolean helper) {
        this.knowledge = knowledge;
        this.function = function;
        this.helper = helper;
    }

    Truth truth(Expr condition, FlowState s) {
        if (condition instanceof Expr.Not not) {
            return truth(not.operand(), s).not();
        }
        if (condition instanceof Expr.Binary binary) {
            return switch (binary.operator()) {
                case "&&" -> truth(binary.left(), s).and(truth(binary.right(), s));
                case "||" -> truth(binary.left(), s).or(truth(binary.right(), s));
                default -> intValue(binary.left(), s).compare(binary.operator(), intValue(binary.right(), s));
            };
        }
        Expr inner = transparent(condition);
        if (inner != condition) {
            return truth(inner, s);
        }
        return intValue(condition, s).truth();
    }

    AbstractInt intValue(Expr e, FlowState s) {
        Long offset = resultOffset(e, s);
        if (offset != null) {
            AbstractInt result = s.callValues.get(s.site);
            return result == null ? AbstractInt.ANY : result.plus(offset);
        }
        if (e instanceof Expr.IntConst c) {
            return AbstractInt.exactly(c.value());
        }
        if (e instanceof Expr.VarRef ref) {
            return s.values.getOrDefault(ref.variable(), AbstractInt.ANY);
        }
        if (e instanceof Expr.Member member && !member.path().isEmpty()) {
            return s.values.getOrDefault(member.path(), AbstractInt.ANY);
        }
        if (e instanceof Expr.CallValue call) {
            Expr inner = transparent(e);
            if (inner != e) {
                return intValue(inner, s);
            }
            return s.callValues.getOrDefault(call.call(), AbstractInt.ANY);
        }
        if (e instanceof Expr.Assign assign) {
            return intValue(assign.value(), s);
        }
        if (e instanceof Expr.Not || e instanceof Expr.Binary) {
            return AbstractInt.of(truth(e, s));
        }
        if (e instanceof Expr.Choice choice) {
            return intValue(choice.first(), s).join(intValue(choice.second(), s));
        }
        return AbstractInt.ANY;
    }

    /** {@code likely(x)}, {@code __builtin_expect(x, 0)}: x. */
    private Expr transparent(Expr e) {
        if (e instanceof Expr.CallValue value && !value.call().isIndirect()) {
            int index = knowledge.memory().transparentArgument(value.call().callee());
            if (index >= 0 && index < value.call().arguments().size()) {
                return value.call().arguments().get(index);
            }
        }
        return e;
    }

    /** If the expression is this path's vfork result plus a constant, that constant; else null. */
    Long resultOffset(Expr value, FlowState s) {
        if (s.site == null || value == null) {
            return null;
        }
        if (value instanceof Expr.CallValue call) {
            if (call.call() == s.site) {
                return 0L;
            }
            Expr inner = transparent(value);
            return inner != value ? resultOffset(inner, s) : null;
        }
        if (value instanceof Expr.VarRef ref) {
            return s.holders.get(ref.variable());
        }
        if (value instanceof Expr.Member member) {
            return member.path().isEmpty() ? null : s.holders.get(member.path());
        }
        if (value instanceof Expr.Assign assign) {
            return resultOffset(assign.value(), s);
        }
        if (value instanceof Expr.Choice choice) {
            // A path past the vfork took the branch that called it.
            Long first = resultOffset(choice.first(), s);
            return first != null ? first : resultOffset(choice.second(), s);
        }
        return null;
    }

    /** Whether the value is the vfork call of this path itself ({@code pid = vfork()}, {@code x = pid = vfork()}). */
    boolean isSiteCall(Expr value, FlowState s) {
        if (value instanceof Expr.CallValue call) {
            return s.site != null && call.call() == s.site;
        }
        if (value instanceof Expr.Assign assign) {
            return isSiteCall(assign.value(), s);
        }
        if (value instanceof Expr.Choice choice) {
            return isSiteCall(choice.first(), s) || isSiteCall(choice.second(), s);
        }
        return false;
    }

    /** The objects a pointer value may point into. */
    Set<MemoryObject> targets(Expr e, FlowState s) {
        if (e instanceof Expr.VarRef ref) {
            Set<MemoryObject> known = s.pointsTo.get(ref.variable());
            return known != null ? known : defaultTargets(ref.variable());
        }
        if (e instanceof Expr.AddressOf address) {
            return Set.of(MemoryObject.Var.of(address.variable()));
        }
        if (e instanceof Expr.Member member) {
            if (!member.path().isEmpty() && s.pointsTo.containsKey(member.path())) {
                return s.pointsTo.get(member.path());
            }
            Set<MemoryObject> container = targets(member.container(), s);
            if (member.array()) {
                return container;
            }
            // A pointer stored in an object: what it points to is reached from the same parameter, or unknown.
            Set<MemoryObject> result = new HashSet<>();
            for (MemoryObject o : container) {
                result.add(o instanceof MemoryObject.Param ? o : MemoryObject.UNKNOWN);
            }
            return result.isEmpty() ? Set.of(MemoryObject.UNKNOWN) : result;
        }
        if (e instanceof Expr.Derived derived) {
            return targets(derived.base(), s);
        }
        if (e instanceof Expr.CallValue value) {
            return callTargets(value.call(), s);
        }
        if (e instanceof Expr.Assign assign) {
            return targets(assign.value(), s);
        }
        if (e instanceof Expr.Choice choice) {
            Set<MemoryObject> both = new HashSet<>(targets(choice.first(), s));
            both.addAll(targets(choice.second(), s));
            return both;
        }
        if (e instanceof Expr.FunctionRef ref) {
            return Set.of(new MemoryObject.Function(ref.name()));
        }
        if (e instanceof Expr.IntConst || e instanceof Expr.Flags flags && flags.names().equals(Set.of("NULL"))) {
            // a null pointer (or an integer): points into nothing
            return Set.of();
        }
        return Set.of(MemoryObject.UNKNOWN);
    }

    private Set<MemoryObject> callTargets(Event.Call call, FlowState s) {
        Set<MemoryObject> known = s.callTargets.get(call);
        if (known != null) {
            return known;
        }
        if (call.isIndirect()) {
            return Set.of(MemoryObject.UNKNOWN);
        }
        var memory = knowledge.memory();
        String callee = call.callee();
        int transparent = memory.transparentArgument(callee);
        if (transparent >= 0 && transparent < call.arguments().size()) {
            return targets(call.arguments().get(transparent), s);
        }
        if (memory.allocates(callee)) {
            return Set.of(new MemoryObject.Alloc(call, helper || s.phase == Phase.CHILD));
        }
        if (memory.resizes(callee) && !call.arguments().isEmpty()) {
            return targets(call.arguments().get(0), s);
        }
        int into = memory.resultPointsIntoArgument(callee);
        if (into >= 0 && into < call.arguments().size()) {
            return targets(call.arguments().get(into), s);
        }
        return Set.of(MemoryObject.UNKNOWN);
    }

    /** Before anything is stored in it: a helper's pointer parameter points to what the caller passed. */
    private Set<MemoryObject> defaultTargets(Variable v) {
        if (v.shape() == Variable.Shape.ARRAY) {
            return Set.of(MemoryObject.Var.of(v));
        }
        if (helper && v.storage() == Variable.Storage.PARAMETER) {
            int index = function.parameters().indexOf(v);
            if (index >= 0) {
                return Set.of(new MemoryObject.Param(index));
            }
        }
        return Set.of(MemoryObject.UNKNOWN);
    }

    /** A short spelling of a pointer argument, for messages. */
    static String describe(Expr e) {
        if (e instanceof Expr.VarRef ref) {
            return "what " + ref.variable().name() + " points to";
        }
        if (e instanceof Expr.AddressOf address) {
            return address.variable().name();
        }
        if (e instanceof Expr.Member member && !member.path().isEmpty()) {
            return member.array() ? member.path() : "what " + member.path() + " points to";
        }
        if (e instanceof Expr.Derived derived) {
            return describe(derived.base());
        }
        return "memory it is handed";
    }
}
