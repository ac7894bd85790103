package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.knowledge.FunctionKind;
import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.knowledge.VforkCalls;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the analyses of one translation unit share: the catalogue, the way to find helper bodies, their summaries. */
final class AnalysisContext {

    private static final String CLONE_WRAPPER = "\u0000clone:";

    private final FunctionKnowledge knowledge;
    private final FunctionResolver resolver;
    private final AnalysisLimits limits;
    private final Set<String> wrappers;
    private final Summaries summaries;

    /**
     * @param wrappers functions known to return the vfork result, or to pass their parameters on
     *                 as clone's function and flags, as {@link #wrapperKey} of their bodies: calls
     *                 that resolve to one of them are vfork sites
     */
    AnalysisContext(FunctionKnowledge knowledge, FunctionResolver resolver, AnalysisLimits limits,
                    Set<String> wrappers, SummaryCache cache) {
        this.knowledge = knowledge;
        this.resolver = resolver;
        this.limits = limits;
        this.wrappers = wrappers;
        this.summaries = new Summaries(this, cache);
    }

    /** Whether the direct call, made in {@code caller}, returns 0 in a new vfork child. */
    boolean isVforkSite(Event.Call call, FunctionBody caller) {
        if (call.isIndirect()) {
            return false;
        }
        return isVforkName(call.callee())
                || knowledge.vforkCalls().returnsInChild(call)
                || !wrappers.isEmpty() && resolver.function(call.callee(), caller)
                        .map(body -> wrappers.contains(wrapperKey(body))).orElse(false);
    }

    boolean isVforkName(String name) {
        return knowledge.lookup(name).kind() == FunctionKind.VFORK;
    }

    /** For a call to a project function that hands its parameters to clone as fn, flags and arg: where they are. */
    VforkCalls.CloneShape cloneWrapper(Event.Call call, FunctionBody caller) {
        if (call.isIndirect() || wrappers.isEmpty()) {
            return null;
        }
        Optional<FunctionBody> body = resolver.function(call.callee(), caller);
        if (body.isEmpty()) {
            return null;
        }
        String prefix = wrapperKey(body.get()) + CLONE_WRAPPER;
        for (String key : wrappers) {
            if (key.startsWith(prefix)) {
                String[] p = key.substring(prefix.length()).split(":");
                return new VforkCalls.CloneShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
        }
        return null;
    }

    /**
     * For a call to a project function with every vfork clone flag in one argument
     * ({@code lxc_clone(do_share_ns, handler, CLONE_VFORK | CLONE_VM | CLONE_FILES, NULL)}): where
     * it takes clone's function, flags and argument, if its body hands its parameters on to a
     * clone-like call ({@code clone(fn, stack, flags | SIGCHLD, arg)}), the flags one being the
     * parameter the call fills with the flags; else null. Its file need not name a flag, so no
     * analysis of its own finds it a wrapper: it is read here, from the call that does.
     */
    VforkCalls.CloneShape cloneWrapperOfFlags(Event.Call call, FunctionBody caller) {
        VforkCalls calls = knowledge.vforkCalls();
        if (call.isIndirect() || call.callee() == null || call.argumentTexts().isEmpty()
                || knowledge.lookup(call.callee()).kind() != FunctionKind.UNKNOWN
                || calls.spelledCallees().contains(call.callee())) {
            return null;
        }
        // by name, as written: a value that happens to hold the flags' bits (MOVE_MOUNT_SET_GROUP
        // is 0x100, -1 has them all) makes no wrapper of the callee, nor a search for its body
        int flags = -1;
        for (int i = 0; i < call.arguments().size() && flags < 0; i++) {
            if (calls.namesCloneFlags(call, i)) {
                flags = i;
            }
        }
        if (flags < 0) {
            return null;
        }
        Optional<FunctionBody> body = resolver.function(call.callee(), caller);
        if (body.isEmpty()) {
            return null;
        }
        List<String> parameters = body.get().parameters().stream().map(io.github.vforklint.ir.Variable::name).toList();
        for (io.github.vforklint.ir.CfgNode node : body.get().nodes()) {
            for (Event event : node.events()) {
                VforkCalls.CloneShape inner = event instanceof Event.Call c ? calls.cloneShape(c.callee()) : null;
                if (inner == null) {
                    continue;
                }
                Event.Call clone = (Event.Call) event;
                int fn = parameters.indexOf(VforkCalls.functionName(clone.argumentText(inner.function())));
                String arg = VforkCalls.functionName(clone.argumentText(inner.argument()));
                if (fn >= 0 && parameterNamed(parameters, clone.argumentText(inner.flags())) == flags) {
                    return new VforkCalls.CloneShape(fn, flags, arg == null ? -1 : parameters.indexOf(arg));
                }
            }
        }
        return null;
    }

    /** The one parameter {@code spelling} names as a word ({@code flags | SIGCHLD}), or -1. */
    private static int parameterNamed(List<String> parameters, String spelling) {
        int found = -1;
        for (int i = 0; i < parameters.size(); i++) {
            if (VforkCalls.namesWord(spelling, parameters.get(i))) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** A wrapper is a definition, not a name: a static function of the same name elsewhere is not one. */
    static String wrapperKey(FunctionBody body) {
        return body.unit() + "\u0000" + body.name();
    }

    static String cloneWrapperKey(FunctionBody body, VforkCalls.CloneShape shape) {
        return wrapperKey(body) + CLONE_WRAPPER + shape.function() + ":" + shape.flags() + ":" + shape.argument();
    }

    FunctionKnowledge knowledge() {
        return knowledge;
    }

    FunctionResolver resolver() {
        return resolver;
    }

    Summaries summaries() {
        return summaries;
    }

    int stepBudget() {
        return limits.stepsPerFunction();
    }

    int maxDepth() {
        return limits.callDepth();
    }

    int maxReach() {
        return limits.helperReach();
    }
}
