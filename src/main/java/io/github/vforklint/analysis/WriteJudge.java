package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.LValue;
import io.github.vforklint.ir.Variable;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides whose memory each of the child's writes lands in, with the memory model of
 * {@link Values}: the child's own (locals it declared, memory it allocated, a helper's frame), or
 * the parent's (a VFK104 observation), or, in a helper, what a pointer parameter points to (its
 * callers decide). Library calls that write through their arguments, or change the environment,
 * are judged the same way, from {@code rules/functions/memory.yml}.
 */
final class WriteJudge {

    /** What a write is taken for until the whole function has been walked (VforkAnalysis decides). */
    private static final VforkObservation.ParentMemoryWrite.Seen SEEN_BY_PARENT = VforkObservation.ParentMemoryWrite.Seen.BY_PARENT;

    private static final java.util.regex.Pattern UNDECLARED_MACRO = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

    private final AnalysisContext context;
    private final FunctionBody function;
    private final boolean helper;
    private final Values values;
    private final Consumer<VforkObservation> sink;

    WriteJudge(AnalysisContext context, FunctionBody function, boolean helper, Values values,
               Consumer<VforkObservation> sink) {
        this.context = context;
        this.function = function;
        this.helper = helper;
        this.values = values;
        this.sink = sink;
    }

    void judgeWrite(Event.Write write, FlowState s) {
        LValue target = write.target();
        Set<MemoryObject> objects;
        if (target.access() == LValue.Access.THROUGH_POINTER) {
            objects = target.pointer() == null ? Set.of(MemoryObject.UNKNOWN) : values.targets(target.pointer(), s);
        } else if (target.base() == null) {
            if (UNDECLARED_MACRO.matcher(target.text()).matches()) {
                // an all-capitals name no declaration defines is a macro from a missing header, not memory
                return;
            }
            objects = Set.of(MemoryObject.UNKNOWN);
        } else {
            // The parent stores its own vfork result into the same local when vfork returns there.
            if (target.base().isFrameLocal() && values.isSiteCall(write.value(), s)) {
                return;
            }
            objects = Set.of(MemoryObject.Var.of(target.base()));
        }
        judge(objects, s, new VforkObservation.ParentMemoryWrite(write.location(), target.text(),
                VforkObservation.WriteKind.ASSIGNMENT, null, null, -1, false, SEEN_BY_PARENT, function.name(),
                Trail.at(s.site)));
    }

    /** Reports a write to each of {@code objects} that is not the child's own. */
    void judge(Set<MemoryObject> objects, FlowState s, VforkObservation.ParentMemoryWrite write) {
        boolean unconditional = false;
        for (MemoryObject o : objects) {
            if (o instanceof MemoryObject.Var var) {
                Variable v = var.variable();
                if (!ownedByChild(v, s)) {
                    sink.accept(write.into(v, !helper && v.isFrameLocal(), function.name()));
                }
            } else if (o instanceof MemoryObject.Alloc alloc) {
                unconditional |= !alloc.child();
            } else if (o instanceof MemoryObject.Param p) {
                sink.accept(write.throughParameter(p.index()));
            } else if (o instanceof MemoryObject.Unknown || o instanceof MemoryObject.Environ) {
                unconditional = true;
            }
        }
        if (unconditional) {
            sink.accept(write);
        }
    }

    private boolean ownedByChild(Variable v, FlowState s) {
        if (helper) {
            return v.isFrameLocal();
        }
        return v.storage() == Variable.Storage.LOCAL && s.declaredInChild(v);
    }

    /** Library calls that write through their arguments or change the environment. */
    void libraryWrites(Event.Call call, FlowState s) {
        if (call.isIndirect()) {
            return;
        }
        var memory = context.knowledge().memory();
        for (int index : memory.writtenArguments(call.callee())) {
            if (index < call.arguments().size()) {
                Expr argument = call.arguments().get(index);
                judge(values.targets(argument, s), s, new VforkObservation.ParentMemoryWrite(call.location(),
                        Values.describe(argument), VforkObservation.WriteKind.LIBRARY, call.callee(), null, -1, false,
                        SEEN_BY_PARENT, function.name(), Trail.at(s.site)));
            }
        }
        if (memory.mutatesEnviron(call.callee())) {
            sink.accept(new VforkObservation.ParentMemoryWrite(call.location(), "environ",
                    VforkObservation.WriteKind.ENVIRONMENT, call.callee(), null, -1, false, SEEN_BY_PARENT, function.name(),
                    Trail.at(s.site)));
        }
    }
}
