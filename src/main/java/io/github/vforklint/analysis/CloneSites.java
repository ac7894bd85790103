package io.github.vforklint.analysis;

import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.knowledge.VforkCalls;

/**
 * Clone-like calls in a function that calls vfork: {@code clone(fn, stack, CLONE_VM | CLONE_VFORK,
 * arg)}, its relatives in {@code rules/functions/vfork.yml}, and project wrappers that pass their
 * own parameters on as clone's function and flags (found from their callers' flags too, in a file
 * that names none: {@link AnalysisContext#cloneWrapperOfFlags}). Such a call is a vfork site whose
 * child region is {@code fn}'s body.
 */
final class CloneSites {

    private final AnalysisContext context;
    private final FunctionBody function;
    private final Values values;
    private final FunctionFlow flow;

    CloneSites(AnalysisContext context, FunctionBody function, Values values, FunctionFlow flow) {
        this.context = context;
        this.function = function;
        this.values = values;
        this.flow = flow;
    }

    /**
     * {@code clone(fn, ..., CLONE_VM | CLONE_VFORK, arg)} and its relatives: fn's body is the child
     * region of this call. A function that passes its own parameters on as fn and flags is a clone
     * wrapper, found here and applied to its callers by the scan.
     */
    boolean start(Event.Call call, FlowState s) {
        VforkCalls calls = context.knowledge().vforkCalls();
        VforkCalls.CloneShape shape = calls.cloneShape(call.callee());
        boolean wrapper = false;
        if (shape == null) {
            shape = context.cloneWrapper(call, function);
            wrapper = true;
        }
        if (shape == null) {
            shape = context.cloneWrapperOfFlags(call, function);
        }
        if (shape == null) {
            return false;
        }
        if (!wrapper && !calls.hasCloneFlags(call, shape.flags())) {
            noteCloneWrapper(call, shape);
            return true;
        }
        if (wrapper && !hasFlags(call, shape.flags(), calls)) {
            return false;
        }
        String fn = functionArgument(call, shape.function(), s);
        flow.vforkSites.add(call);
        // clone returns in the parent like any call: the parent goes on with its memory.
        flow.parentResumes.add(call);
        if (fn == null) {
            return true;
        }
        HelperSummary child = flow.summaries().of(fn, function);
        if (child == null) {
            return true;
        }
        TraceStep step = new TraceStep(call.location(), fn);
        flow.incomplete.addAll(child.incomplete());
        flow.remarks.addAll(child.remarks());
        for (VforkObservation inner : child.observations()) {
            Trail trail = inner.trail().via(step, child.reach(), call);
            if (inner instanceof VforkObservation.ParentMemoryWrite w && w.parameter() >= 0) {
                flow.observe(new VforkObservation.CloneArgumentWrite(w.location(), w.target(), trail));
            } else {
                flow.observe(inner.along(trail));
            }
        }
        return true;
    }

    private static boolean hasFlags(Event.Call call, int index, VforkCalls calls) {
        if (calls.hasCloneFlags(call, index)) {
            return true;
        }
        if (index < call.arguments().size() && call.arguments().get(index) instanceof Expr.Flags flags) {
            return flags.names().containsAll(calls.cloneFlags());
        }
        return false;
    }

    private String functionArgument(Event.Call call, int index, FlowState s) {
        if (index < call.arguments().size()) {
            for (MemoryObject o : values.targets(call.arguments().get(index), s)) {
                if (o instanceof MemoryObject.Function f) {
                    return f.name();
                }
            }
        }
        return VforkCalls.functionName(call.argumentText(index));
    }

    private void noteCloneWrapper(Event.Call call, VforkCalls.CloneShape shape) {
        int fn = parameterIndex(call, shape.function());
        int flags = parameterIndex(call, shape.flags());
        if (fn >= 0 && flags >= 0) {
            flow.cloneWrapper = new VforkCalls.CloneShape(fn, flags, parameterIndex(call, shape.argument()));
        }
    }

    private int parameterIndex(Event.Call call, int argument) {
        if (argument < call.arguments().size() && call.arguments().get(argument) instanceof Expr.VarRef ref) {
            return function.parameters().indexOf(ref.variable());
        }
        return -1;
    }
}
