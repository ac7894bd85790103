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

    /**
     * Narrows what the state knows to what holds when {@code condition} has {@code outcome}
     * ({@code if (pid < 0) _exit(1);} leaves pid >= 0 after it).
     *
     * @return false when the outcome is impossible in this state
     */
    boolean refine(Expr condition, boolean outcome, FlowState s) {
        if (condition instanceof Expr.Not not) {
            return refine(not.operand(), !outcome, s);
        }
        Expr inner = transparent(condition);
        if (inner != condition) {
            return refine(inner, outcome, s);
        }
        if (condition instanceof Expr.Binary b) {
            if (b.operator().equals("&&")) {
                return !outcome || refine(b.left(), true, s) && refine(b.right(), true, s);
            }
            if (b.operator().equals("||")) {
                return outcome || refine(b.left(), false, s) && refine(b.right(), false, s);
            }
            AbstractInt right = intValue(b.right(), s);
            if (right.isExact() && narrow(b.left(), AbstractInt.satisfying(b.operator(), right.lo(), outcome), s)) {
                return false;
            }
            AbstractInt left = intValue(b.left(), s);
            if (left.isExact() && narrow(b.right(),
                    AbstractInt.satisfying(AbstractInt.mirror(b.operator()), left.lo(), outcome), s)) {
                return false;
            }
            return true;
        }
        return !narrow(condition, AbstractInt.satisfying("!=", 0, outcome), s);
    }

    /** @return true when the variable cannot have any value allowed (an infeasible path) */
    private boolean narrow(Expr e, AbstractInt allowed, FlowState s) {
        if (allowed == null) {
            return true;
        }
        if (e instanceof Expr.Assign assign) {
            return narrow(new Expr.VarRef(assign.target()), allowed, s) || narrow(assign.value(), allowed, s);
        }
        Object key = e instanceof Expr.VarRef ref ? ref.variable()
                : e instanceof Expr.Member m && !m.path().isEmpty() ? m.path() : null;
        if (key == null || s.holdsResult(key)) {
            // the vfork result's value is the phase's; nothing to narrow
            return key != null && intValue(e, s).meet(allowed) == null;
        }
        AbstractInt known = s.value(key);
        AbstractInt narrowed = known.meet(allowed);
        if (narrowed == null) {
            return true;
        }
        s.setValue(key, narrowed);
        return false;
    }

    AbstractInt intValue(Expr e, FlowState s) {
        Long offset = resultOffset(e, s);
        if (offset != null) {
            AbstractInt result = s.knownCallValue(s.site);
            return result == null ? AbstractInt.ANY : result.plus(offset);
        }
        if (e instanceof Expr.IntConst c) {
            return AbstractInt.exactly(c.value());
        }
        if (e instanceof Expr.VarRef ref) {
            return s.value(ref.variable());
        }
        if (e instanceof Expr.Member member && !member.path().isEmpty()) {
            return s.value(member.path());
        }
        if (e instanceof Expr.CallValue call) {
            Expr inner = transparent(e);
            if (inner != e) {
                return intValue(inner, s);
            }
            return s.callValue(call.call());
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
        if (e instanceof Expr.Arithmetic a) {
            return arithmetic(a.operator(), intValue(a.left(), s), intValue(a.right(), s));
        }
        return AbstractInt.ANY;
    }

    private static AbstractInt arithmetic(String op, AbstractInt l, AbstractInt r) {
        if (op.equals("+") && r.isExact()) {
            return l.plus(r.lo());
        }
        if (op.equals("+") && l.isExact()) {
            return r.plus(l.lo());
        }
        if (op.equals("-") && r.isExact() && r.lo() != Long.MIN_VALUE) {
            return l.plus(-r.lo());
        }
        if (!l.isExact() || !r.isExact()) {
            return AbstractInt.ANY;
        }
        long a = l.lo();
        long b = r.lo();
        return switch (op) {
            case "-" -> AbstractInt.exactly(a - b);
            case "*" -> AbstractInt.exactly(a * b);
            case "&" -> AbstractInt.exactly(a & b);
            case "|" -> AbstractInt.exactly(a | b);
            case "<<" -> b >= 0 && b < 63 ? AbstractInt.exactly(a << b) : AbstractInt.ANY;
            case ">>" -> b >= 0 && b < 63 ? AbstractInt.exactly(a >> b) : AbstractInt.ANY;
            default -> AbstractInt.ANY;
        };
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
            return s.holder(ref.variable());
        }
        if (value instanceof Expr.Member member) {
            return member.path().isEmpty() ? null : s.holder(member.path());
        }
        if (value instanceof Expr.Assign assign) {
            return resultOffset(assign.value(), s);
        }
        if (value instanceof Expr.Arithmetic a && (a.operator().equals("+") || a.operator().equals("-"))
                && a.right() instanceof Expr.IntConst c) {
            Long inner = resultOffset(a.left(), s);
            return inner == null ? null : a.operator().equals("+") ? inner + c.value() : inner - c.value();
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
            Set<MemoryObject> known = s.pointsTo(ref.variable());
            return known != null ? known : defaultTargets(ref.variable());
        }
        if (e instanceof Expr.AddressOf address) {
            return Set.of(MemoryObject.Var.of(address.variable()));
        }
        if (e instanceof Expr.Member member) {
            Set<MemoryObject> known = member.path().isEmpty() ? null : s.pointsTo(member.path());
            if (known != null) {
                return known;
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
        if (e instanceof Expr.Flags flags && flags.names().size() == 1 && !flags.names().contains("NULL")) {
            // an undeclared name: a function whose header was not read (start = vfork;), or anything
            return Set.of(new MemoryObject.Function(flags.names().iterator().next()), MemoryObject.UNKNOWN);
        }
        if (e instanceof Expr.IntConst || e instanceof Expr.Flags flags && flags.names().equals(Set.of("NULL"))) {
            // a null pointer (or an integer): points into nothing
            return Set.of();
        }
        return Set.of(MemoryObject.UNKNOWN);
    }

    private Set<MemoryObject> callTargets(Event.Call call, FlowState s) {
        Set<MemoryObject> known = s.callTargets(call);
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

    /**
     * Whether a call's result points into {@code targets} with nothing recorded about it, whatever
     * the state: recording only what differs keeps the states small, and their joins cheap.
     */
    boolean unknownByDefault(Event.Call call, Set<MemoryObject> targets) {
        if (targets.size() != 1 || !targets.contains(MemoryObject.UNKNOWN)) {
            return false;
        }
        if (call.isIndirect()) {
            return true;
        }
        var memory = knowledge.memory();
        String callee = call.callee();
        return memory.transparentArgument(callee) < 0 && !memory.allocates(callee) && !memory.resizes(callee)
                && memory.resultPointsIntoArgument(callee) < 0;
    }

    /**
     * Whether a variable pointing into {@code targets} is what it points to with nothing stored
     * (a member path's default depends on its container, so only variables have one).
     */
    boolean isDefault(Object key, Set<MemoryObject> targets) {
        return key instanceof Variable v && defaultTargets(v).equals(targets);
    }

    /**
     * What a pointer variable or a call's result points into with nothing recorded, whatever the
     * state; null for member paths and for calls whose result depends on their arguments.
     */
    Set<MemoryObject> defaultTargets(Object key) {
        if (key instanceof Variable v) {
            return defaultTargets(v);
        }
        if (key instanceof Event.Call call && unknownByDefault(call, UNKNOWN_ONLY)) {
            return UNKNOWN_ONLY;
        }
        return null;
    }

    private static final Set<MemoryObject> UNKNOWN_ONLY = Set.of(MemoryObject.UNKNOWN);

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
