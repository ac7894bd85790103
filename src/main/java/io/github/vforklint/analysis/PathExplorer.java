package io.github.vforklint.analysis;

import io.github.vforklint.finding.TraceStep;
import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.LValue;
import io.github.vforklint.ir.Terminator;
import io.github.vforklint.ir.Variable;
import io.github.vforklint.knowledge.FunctionInfo;
import io.github.vforklint.knowledge.FunctionKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks one function's CFG over (node, {@link PathState}) pairs until no new pair appears, and
 * records what each path does. Used two ways: on a function that calls vfork (paths start before
 * the vfork), and on a helper the child calls (paths start in the child).
 */
final class PathExplorer {

    /** A write seen in the child, classified once the whole function has been walked. */
    record ChildWrite(Event.Write write, boolean storesResult) {
    }

    /** A read on the parent's side of a vfork. */
    record ParentSideRead(Event.Read read, Event.Call site) {
    }

    /** A helper's write through one of its pointer parameters, and what this function passed there. */
    record ForwardedWrite(VforkObservation.ParentMemoryWrite write, Expr argument) {
    }

    private record Visit(CfgNode node, PathState state) {
    }

    /** A call whose callee's summary was imported for a vfork site (identity of the call event). */
    private record ImportKey(Event.Call call, Event.Call site) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ImportKey k && k.call == call && k.site == site;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(call) * 31 + System.identityHashCode(site);
        }
    }

    private final Set<ImportKey> imported = new HashSet<>();

    private final FunctionBody function;
    private final AnalysisContext context;
    private final boolean helper;
    private final Set<CfgNode> parentCode;
    private final Set<Object> childWritten;

    final Map<CfgNode, EnumSet<Phase>> phasesSeen = new HashMap<>();
    final List<VforkObservation> observations = new ArrayList<>();
    final Map<Event.Call, Set<ChildWrite>> childWrites = new HashMap<>();
    final Set<Variable> declaredInChild = new HashSet<>();
    final Set<Variable> declaredOutsideChild = new HashSet<>();
    final Map<Variable, List<Expr>> assignedValues = new HashMap<>();
    final List<ParentSideRead> parentReads = new ArrayList<>();
    final List<Event.Call> vforkSites = new ArrayList<>();
    final Set<ForwardedWrite> forwardedWrites = new LinkedHashSet<>();
    /** Sites whose parent does something after vfork returns (more than leave with _exit). */
    final Set<Event.Call> parentResumes = new HashSet<>();
    final Set<ExecMark> returnsAfterExec = new LinkedHashSet<>();
    boolean returnsNormally;
    boolean returnsIfUnknownCallsReturn;
    boolean returnsVforkResult;
    /** What the function's return statements return (for helpers that hand out fresh memory). */
    final Set<Expr> returnedValues = new LinkedHashSet<>();
    /** The functions this walk's calls reach, through the summaries it used (capped past the limit). */
    final Set<FunctionBody> reach = new HashSet<>();
    /** What this walk, or a summary it used, could not follow (call depth, step budget, unparsed code). */
    final Set<String> incomplete = new LinkedHashSet<>();
    boolean truncated;

    /**
     * @param parentCode nodes the parent (or code before vfork) runs; a child path on an exec's
     *                   failure path that enters one is reported and stopped. Null to not check.
     */
    PathExplorer(FunctionBody function, AnalysisContext context, boolean helper, Set<CfgNode> parentCode) {
        this(function, context, helper, parentCode, Set.of());
    }

    /**
     * @param childWritten identity keys ({@link VforkAnalysis#identity}) of the variables the child
     *                     is known to write; on the parent's side, a plain assignment to one of
     *                     them ends its interest for VFK201
     */
    PathExplorer(FunctionBody function, AnalysisContext context, boolean helper, Set<CfgNode> parentCode,
                 Set<Object> childWritten) {
        this.function = function;
        this.context = context;
        this.helper = helper;
        this.parentCode = parentCode;
        this.childWritten = childWritten;
    }

    void run(PathState initial) {
        Set<Visit> seen = new HashSet<>();
        Deque<Visit> work = new ArrayDeque<>();
        Visit first = new Visit(function.entry(), initial);
        seen.add(first);
        work.add(first);
        int budget = context.stepBudget();
        while (!work.isEmpty()) {
            if (--budget < 0) {
                truncated = true;
                return;
            }
            Visit visit = work.poll();
            phasesSeen.computeIfAbsent(visit.node(), n -> EnumSet.noneOf(Phase.class)).add(visit.state().phase());
            for (Visit next : step(visit)) {
                if (enters(next) && seen.add(next)) {
                    work.add(next);
                }
            }
        }
    }

    io.github.vforklint.knowledge.FunctionKnowledge knowledge() {
        return context.knowledge();
    }

    /** Whether a helper this function calls returns only memory nobody else points to. */
    boolean returnsFreshMemory(String callee) {
        HelperSummary summary = context.summaries().of(callee, function);
        return summary != null && summary.returnsFreshMemory();
    }

    private boolean enters(Visit next) {
        PathState s = next.state();
        if (parentCode == null || s.phase() != Phase.CHILD || !parentCode.contains(next.node())) {
            return true;
        }
        // Most unseen calls that end a child's code never return (die(), *_or_die(), even right
        // after an exec): reporting the parent's code as child code, or the exec as falling
        // through, on the guess that they do would bury the real findings.
        if (s.uncertain()) {
            return false;
        }
        if (s.afterExec() != null) {
            ExecMark exec = s.afterExec();
            observations.add(new VforkObservation.ExecFallthrough(exec.exec(), true, function.name(), s.site(), exec.chain()));
            return false;
        }
        return true;
    }

    private List<Visit> step(Visit visit) {
        List<PathState> states = List.of(visit.state());
        for (Event event : visit.node().events()) {
            List<PathState> next = new ArrayList<>(states.size());
            for (PathState s : states) {
                apply(event, s, next);
            }
            states = next;
            if (states.isEmpty()) {
                return List.of();
            }
        }
        List<Visit> successors = new ArrayList<>();
        for (PathState s : states) {
            follow(visit.node().terminator(), s, successors);
        }
        return successors;
    }

    private void apply(Event event, PathState s, List<PathState> out) {
        if (s.phase() == Phase.PARENT && !leavesAtOnce(event, s)) {
            parentResumes.add(s.site());
        }
        if (event instanceof Event.Call call) {
            applyCall(call, s, out);
        } else if (event instanceof Event.Write write) {
            PathState after = s;
            boolean storesResult = false;
            if (write.target().access() == LValue.Access.DIRECT && write.target().base() != null) {
                Variable v = write.target().base();
                // The parent stores its own vfork return into a result holder after the child is
                // gone, so the child's writes to one (pid--, pid = -1) never reach the parent.
                storesResult = s.holdsResult(write.value()) || s.resultHolders().containsKey(v);
                after = write.value() != null ? s.assigned(v, write.value()) : s.incremented(v, write.increment());
                if (s.phase() == Phase.PARENT && write.value() != null && childWritten.contains(VforkAnalysis.identity(v))) {
                    after = after.overwrittenByParent(VforkAnalysis.identity(v));
                }
                // p++ and p += n keep a pointer inside the object it pointed to.
                if (write.value() != null || v.shape() != Variable.Shape.POINTER) {
                    assignedValues.computeIfAbsent(v, k -> new ArrayList<>())
                            .add(write.value() == null ? Expr.OPAQUE : write.value());
                }
            } else if (write.target().access() != LValue.Access.DIRECT) {
                String path = write.target().path();
                storesResult = s.holdsResult(write.value()) || s.resultHolders().containsKey(path);
                after = write.value() != null ? s.assigned(path, write.value()) : s.incremented(path, write.increment());
            }
            if (s.phase() == Phase.CHILD) {
                childWrites.computeIfAbsent(s.site(), k -> new LinkedHashSet<>()).add(new ChildWrite(write, storesResult));
            }
            out.add(after);
        } else if (event instanceof Event.Declare declare) {
            if (s.phase() == Phase.CHILD) {
                declaredInChild.add(declare.variable());
            } else if (s.phase() != Phase.FAILED) {
                declaredOutsideChild.add(declare.variable());
            }
            if (declare.initialValue() != null) {
                assignedValues.computeIfAbsent(declare.variable(), k -> new ArrayList<>()).add(declare.initialValue());
            }
            PathState after = s.assigned(declare.variable(), declare.initialValue());
            Object key = VforkAnalysis.identity(declare.variable());
            if (s.phase() == Phase.PARENT && declare.initialValue() != null && childWritten.contains(key)) {
                after = after.overwrittenByParent(key);
            }
            out.add(after);
        } else if (event instanceof Event.Read read) {
            if (s.phase() == Phase.PARENT && !s.overwrittenByParent().contains(VforkAnalysis.identity(read.variable()))) {
                parentReads.add(new ParentSideRead(read, s.site()));
            }
            out.add(s);
        }
    }

    private void applyCall(Event.Call call, PathState s, List<PathState> out) {
        FunctionInfo info = call.isIndirect() ? FunctionInfo.unknown(call.text()) : context.knowledge().lookup(call.callee());
        if (s.phase() != Phase.CHILD && !helper && context.isVforkSite(call, function)) {
            vforkSites.add(call);
            out.add(s.forked(call, Phase.CHILD));
            out.add(s.forked(call, Phase.PARENT));
            out.add(s.forked(call, Phase.FAILED));
            return;
        }
        String cloned = helper || s.phase() == Phase.CHILD ? null : context.knowledge().vforkCalls().clonedFunction(call);
        if (cloned != null) {
            startCloneChild(call, cloned);
            out.add(s);
            return;
        }
        HelperSummary summary = info.kind() == FunctionKind.UNKNOWN && !call.isIndirect()
                ? context.summaries().of(call.callee(), function) : null;
        if (s.phase() == Phase.CHILD) {
            observations.add(new VforkObservation.ChildCall(call, info, summary != null, s.site(), List.of()));
        }
        if (info.endsPath() || call.declaredNoReturn() && summary == null) {
            return;
        }
        if (info.kind() == FunctionKind.EXEC && s.phase() == Phase.CHILD) {
            out.add(s.afterExec(new ExecMark(call, List.of())));
            return;
        }
        if (summary == null) {
            boolean unseen = call.isIndirect() || info.kind() == FunctionKind.UNKNOWN;
            out.add(unseen && s.phase() == Phase.CHILD ? s.afterUnknownCall() : s);
            return;
        }
        // Deep inside the child's helpers, one that reaches a whole library (an interpreter's call
        // machinery) is treated like a call vforklint cannot see into; the child's own helpers are
        // always followed.
        if (helper && summary.reach().size() > context.maxReach()) {
            if (s.phase() == Phase.CHILD) {
                incomplete.add(call.callee() + "() reaches more than " + context.maxReach()
                        + " functions from the vfork child and was not followed (--max-helper-reach); review that call by hand");
                out.add(s.afterUnknownCall());
            } else {
                out.add(s);
            }
            return;
        }
        if (reach.size() <= context.maxReach()) {
            reach.addAll(summary.reach());
        }
        TraceStep step = new TraceStep(call.location(), call.callee());
        // Paths reach a call in many states; what the callee does is the same each time.
        if (s.phase() == Phase.CHILD && imported.add(new ImportKey(call, s.site()))) {
            incomplete.addAll(summary.incomplete());
            for (VforkObservation inner : summary.observations()) {
                VforkObservation here = inner.via(step, s.site());
                if (here instanceof VforkObservation.ParentMemoryWrite w && w.parameter() >= 0) {
                    Expr argument = w.parameter() < call.arguments().size() ? call.arguments().get(w.parameter()) : Expr.OPAQUE;
                    forwardedWrites.add(new ForwardedWrite(w.throughParameter(-1), argument));
                } else {
                    observations.add(here);
                }
            }
        }
        if (call.declaredNoReturn()) {
            // Its body is checked above; the declaration promises nothing comes back from it.
            return;
        }
        if (summary.returnsNormally()) {
            out.add(s);
        } else if (summary.returnsIfUnknownCallsReturn()) {
            out.add(s.phase() == Phase.CHILD ? s.afterUnknownCall() : s);
        }
        if (s.phase() == Phase.CHILD) {
            for (ExecMark exec : summary.returnsAfterExec()) {
                List<TraceStep> chain = new ArrayList<>();
                chain.add(step);
                chain.addAll(exec.chain());
                out.add(s.afterExec(new ExecMark(exec.exec(), List.copyOf(chain))));
            }
        } else if (!summary.returnsAfterExec().isEmpty()) {
            out.add(s);
        }
    }

    /** {@code clone(fn, ..., CLONE_VM | CLONE_VFORK, arg)}: fn's body is the child region of this call. */
    private void startCloneChild(Event.Call call, String cloned) {
        vforkSites.add(call);
        // clone returns in the parent like any call: the parent goes on with its memory.
        parentResumes.add(call);
        HelperSummary child = context.summaries().ofCloneChild(cloned, function);
        if (child == null) {
            return;
        }
        TraceStep step = new TraceStep(call.location(), cloned);
        incomplete.addAll(child.incomplete());
        for (VforkObservation inner : child.observations()) {
            observations.add(inner.via(step, call));
        }
    }

    private void follow(Terminator terminator, PathState s, List<Visit> out) {
        if (terminator instanceof Terminator.Jump jump) {
            out.add(new Visit(jump.target(), s));
        } else if (terminator instanceof Terminator.Branch branch) {
            Truth t = ConditionEvaluator.truth(branch.condition(), s);
            if (t != Truth.FALSE) {
                out.add(new Visit(branch.whenTrue(), s));
            }
            if (t != Truth.TRUE) {
                out.add(new Visit(branch.whenFalse(), s));
            }
        } else if (terminator instanceof Terminator.Switch sw) {
            List<Long> labels = new ArrayList<>();
            for (Terminator.Case c : sw.cases()) {
                labels.add(c.value());
                if (c.value() == Long.MIN_VALUE || ConditionEvaluator.mayMatch(sw.selector(), c.value(), s)) {
                    out.add(new Visit(c.target(), s));
                }
            }
            if (ConditionEvaluator.mayMissAll(sw.selector(), labels, s)) {
                out.add(new Visit(sw.otherwise(), s));
            }
        } else if (terminator instanceof Terminator.Return ret) {
            leave(ret, s);
        }
        // Terminator.Unfollowable: the path ends; the function's skipped notes say so.
    }

    /**
     * Whether an event of the parent is compatible with a parent that only leaves: _exit and
     * friends, and bookkeeping of the vfork result itself. Such a parent never looks at its
     * memory again, so the child may use it (busybox start-stop-daemon daemonizes this way).
     */
    private boolean leavesAtOnce(Event event, PathState s) {
        if (event instanceof Event.Call call) {
            return !call.isIndirect() && context.knowledge().lookup(call.callee()).kind() == FunctionKind.TERMINATE;
        }
        if (event instanceof Event.Read read) {
            return s.resultHolders().containsKey(read.variable());
        }
        if (event instanceof Event.Write write) {
            return write.target().access() == LValue.Access.DIRECT && s.resultHolders().containsKey(write.target().base());
        }
        if (event instanceof Event.Declare declare) {
            return declare.initialValue() == null || s.holdsResult(declare.initialValue());
        }
        return false;
    }

    private void leave(Terminator.Return ret, PathState s) {
        if (ret.value() != null) {
            returnedValues.add(ret.value());
        }
        if (s.phase() == Phase.PARENT) {
            parentResumes.add(s.site());
        }
        // A wrapper hands the child back to its caller: only a return on the child's path counts.
        if (s.phase() == Phase.CHILD && s.holdsResult(ret.value())) {
            returnsVforkResult = true;
        }
        if (helper) {
            if (s.afterExec() != null) {
                returnsAfterExec.add(s.afterExec());
            } else if (s.uncertain()) {
                returnsIfUnknownCallsReturn = true;
            } else {
                returnsNormally = true;
            }
            return;
        }
        if (s.phase() != Phase.CHILD) {
            return;
        }
        if (s.afterExec() != null) {
            ExecMark exec = s.afterExec();
            observations.add(new VforkObservation.ExecFallthrough(exec.exec(), false, function.name(), s.site(), exec.chain()));
        } else {
            observations.add(new VforkObservation.ChildReturn(ret.location(), function.name(), s.site()));
        }
    }
}
