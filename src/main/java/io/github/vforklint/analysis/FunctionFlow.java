package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;
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
import io.github.vforklint.knowledge.VforkCalls;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A worklist dataflow analysis of one function's CFG. Each node holds one {@link FlowState} per
 * {@link FlowState.Key} (vfork outcome, site, exec survived, certainty); states of the same key
 * are joined where paths meet and their integer bounds widened in loops, so the cost grows with
 * the size of the CFG and not with the number of its paths. Used two ways: on a function that
 * calls vfork ({@link Mode#CALLER}: paths start before the vfork), and on a helper the child
 * calls ({@link Mode#HELPER}: paths start in the child, and what it does becomes its summary).
 */
final class FunctionFlow {

    enum Mode { CALLER, HELPER }

    /** Joins of one (node, key) before integer bounds are widened. */
    private static final int WIDEN_AFTER = 3;

    /** A call whose callee's summary was imported for a vfork site (identities of both events). */
    private record ImportKey(Event.Call call, Event.Call site) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof ImportKey other
                    && Objects.equals(call, other.call)
                    && Objects.equals(site, other.site);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(call) + Objects.hashCode(site);
        }
    }

    private final Set<ImportKey> importedAt = new HashSet<>();

    /** A read on the parent's side of a vfork. */
    record ParentSideRead(Event.Read read, Event.Call site) {
    }

    private final FunctionBody function;
    private final AnalysisContext context;
    private final Mode mode;
    private final Set<CfgNode> parentCode;
    private final boolean record;
    private final SummarySource summaries;
    private final Values values;
    private final WriteJudge judge;
    private final CloneSites clones;
    /** Calls whose result is used: what is known of the others' results is not kept. */
    private final Set<Event.Call> valueUsed;
    private final CallSpecialiser specialiser;

    final Map<CfgNode, EnumSet<Phase>> phasesSeen = new HashMap<>();
    final Set<VforkObservation> observations = new LinkedHashSet<>();
    final Set<Event.Call> vforkSites = new LinkedHashSet<>();
    /** Sites whose parent does something after vfork returns (more than leave with _exit). */
    final Set<Event.Call> parentResumes = new HashSet<>();
    /** Ways out of a helper, each with the values it returns. */
    final Map<HelperSummary.Exit, AbstractInt> exits = new LinkedHashMap<>();
    /** What returned pointers point into, in the helper's terms. */
    final Set<MemoryObject> returned = new LinkedHashSet<>();
    /** The globals and statics this function, or a helper it follows, reads ({@link HelperSummary#readsStatics}). */
    final Set<Object> readsStatics = new HashSet<>();
    /** The globals and statics this function, or a helper it follows, stores to ({@link HelperSummary#writesStatics}). */
    final Set<Object> writesStatics = new HashSet<>();
    boolean returnsVforkResult;
    /** Set when the function hands its own parameters to clone as the child's function and flags. */
    VforkCalls.CloneShape cloneWrapper;
    /** For each vfork call, the variables (identities) the parent can read after it returns before storing to them. */
    final Map<Event.Call, Set<Object>> liveAfter = new HashMap<>();
    /**
     * For each vfork call, the variables (identities) the parent has stored to again, on every
     * path, before it calls code that could read them (the program's own, or exit()'s handlers)
     * or returns: tcsh saves what its child changes and restores it as soon as vfork returns.
     */
    final Map<Event.Call, Set<Object>> restoredBeforeEscape = new HashMap<>();
    final List<ParentSideRead> parentReads = new ArrayList<>();
    /** What this walk, or a summary it used, could not follow. */
    final Set<String> incomplete = new LinkedHashSet<>();
    /** What was analysed but left out of the report (chains beyond a bound), from the summaries used. */
    final Set<String> remarks = new LinkedHashSet<>();
    /** The summaries' notes already in {@link #incomplete}: a helper is called in many states, its notes merged once. */
    private final Set<List<String>> incompleteMerged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    boolean truncated;

    /**
     * @param parentCode nodes the parent runs; a child on an exec's failure path that enters one
     *                   is reported and stopped. Null to not check.
     * @param record     record observations (a first walk that only learns the phases does not)
     */
    FunctionFlow(FunctionBody function, AnalysisContext context, Mode mode, Set<CfgNode> parentCode, boolean record,
                 SummarySource summaries) {
        this.function = function;
        this.context = context;
        this.mode = mode;
        this.parentCode = parentCode;
        this.record = record;
        this.summaries = summaries;
        this.values = new Values(context.knowledge(), function, mode == Mode.HELPER);
        this.judge = new WriteJudge(context, function, mode == Mode.HELPER, values, this::observe);
        this.clones = new CloneSites(context, function, values, this);
        this.valueUsed = CallValueUses.of(function);
        this.specialiser = new CallSpecialiser(function, summaries, values, valueUsed);
    }

    SummarySource summaries() {
        return summaries;
    }

    void run(FlowState initial) {
        List<CfgNode> nodes = function.nodes();
        List<Map<FlowState.Key, FlowState>> in = new ArrayList<>(nodes.size());
        List<Map<FlowState.Key, Integer>> joins = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            in.add(null);
            joins.add(null);
        }
        BitSet work = new BitSet(nodes.size());
        int entry = function.entry().id();
        Map<FlowState.Key, FlowState> first = new LinkedHashMap<>();
        first.put(initial.key(), initial);
        in.set(entry, first);
        work.set(entry);
        int budget = context.stepBudget();
        for (int id = work.nextSetBit(0); id >= 0; id = work.nextSetBit(0)) {
            work.clear(id);
            if (--budget < 0) {
                truncated = true;
                return;
            }
            CfgNode node = nodes.get(id);
            List<FlowState> states = new ArrayList<>(in.get(id).values());
            EnumSet<Phase> seen = phasesSeen.computeIfAbsent(node, n -> EnumSet.noneOf(Phase.class));
            for (FlowState state : states) {
                seen.add(state.phase);
                for (FlowState out : step(node, state.copy())) {
                    propagate(out, node.terminator(), work, in, joins);
                }
            }
        }
    }

    private void propagate(FlowState s, Terminator terminator, BitSet work, List<Map<FlowState.Key, FlowState>> in,
                           List<Map<FlowState.Key, Integer>> joins) {
        List<CfgNode> targets = new ArrayList<>(2);
        if (terminator instanceof Terminator.Jump jump) {
            targets.add(jump.target());
        } else if (terminator instanceof Terminator.Branch branch) {
            Truth t = values.truth(branch.condition(), s);
            if (t != Truth.FALSE) {
                targets.add(branch.whenTrue());
            }
            if (t != Truth.TRUE) {
                targets.add(branch.whenFalse());
            }
        } else if (terminator instanceof Terminator.Switch sw) {
            AbstractInt selector = values.intValue(sw.selector(), s);
            boolean matched = false;
            for (Terminator.Case c : sw.cases()) {
                if (c.value() == Long.MIN_VALUE) {
                    targets.add(c.target());
                    continue;
                }
                Truth t = selector.compare("==", AbstractInt.exactly(c.value()));
                if (t != Truth.FALSE) {
                    targets.add(c.target());
                }
                matched |= t == Truth.TRUE;
            }
            if (!matched) {
                targets.add(sw.otherwise());
            }
        } else if (terminator instanceof Terminator.Return ret) {
            leave(ret, s);
        }
        // Terminator.Unfollowable: the path ends; the function's skipped notes say so.
        for (int i = 0; i < targets.size(); i++) {
            CfgNode target = targets.get(i);
            if (!enters(target, s)) {
                continue;
            }
            FlowState incoming = i + 1 < targets.size() ? s.copy() : s;
            if (terminator instanceof Terminator.Branch branch && branch.whenTrue() != branch.whenFalse()
                    && !values.refine(branch.condition(), target == branch.whenTrue(), incoming)) {
                continue;
            }
            Map<FlowState.Key, FlowState> there = in.get(target.id());
            if (there == null) {
                there = new LinkedHashMap<>();
                in.set(target.id(), there);
            }
            FlowState.Key key = incoming.key();
            FlowState existing = there.get(key);
            if (existing == null) {
                there.put(key, incoming);
                work.set(target.id());
                continue;
            }
            Map<FlowState.Key, Integer> counts = joins.get(target.id());
            if (counts == null) {
                counts = new HashMap<>();
                joins.set(target.id(), counts);
            }
            int n = counts.merge(key, 1, Integer::sum);
            if (existing.join(incoming, n > WIDEN_AFTER, values::defaultTargets)) {
                work.set(target.id());
            }
        }
    }

    /** Whether a child path may go on into {@code target}: not on an exec's failure path into the parent's code. */
    private boolean enters(CfgNode target, FlowState s) {
        if (parentCode == null || s.phase != Phase.CHILD || !parentCode.contains(target)) {
            return true;
        }
        // Most unseen calls that end a child's code never return (die(), *_or_die(), even right
        // after an exec): reporting the parent's code as child code, or the exec as falling
        // through, on the guess that they do would bury the real findings.
        if (s.uncertain) {
            return false;
        }
        if (s.exec != null) {
            observe(new VforkObservation.ExecFallthrough(s.exec.exec(), true, function.name(), s.exec.trail().withSite(s.site)));
            return false;
        }
        return true;
    }

    private List<FlowState> step(CfgNode node, FlowState initial) {
        List<FlowState> states = List.of(initial);
        for (Event event : node.events()) {
            List<FlowState> next = new ArrayList<>(states.size());
            for (FlowState s : states) {
                if (s.phase == Phase.PARENT && !leavesAtOnce(event, s)) {
                    parentResumes.add(s.site);
                }
                if (event instanceof Event.Call call) {
                    applyCall(call, s, next);
                } else if (event instanceof Event.Write write) {
                    applyWrite(write, s);
                    next.add(s);
                } else if (event instanceof Event.Declare declare) {
                    applyDeclare(declare, s);
                    next.add(s);
                } else if (event instanceof Event.Read read) {
                    if (!read.variable().isFrameLocal() && read.variable().shape() != Variable.Shape.ARRAY
                            && read.variable().shape() != Variable.Shape.AGGREGATE) {
                        readsStatics.add(VforkAnalysis.identity(read.variable()));
                    }
                    applyRead(read.variable(), read, s);
                    next.add(s);
                } else if (event instanceof Event.Unparsed) {
                    // The child may have exec'd or exited in code the parser could not read.
                    if (s.phase == Phase.CHILD) {
                        s.uncertain = true;
                    }
                    next.add(s);
                }
            }
            states = next;
            if (states.isEmpty()) {
                return List.of();
            }
        }
        return states;
    }

    void observe(VforkObservation o) {
        if (record) {
            observations.add(o);
        }
    }

    // ---------------------------------------------------------------------------------------
    // calls

    private void applyCall(Event.Call call, FlowState s, List<FlowState> out) {
        boolean inChild = s.phase == Phase.CHILD;
        if (inChild) {
            // The code goes on after the call: whatever came before it did return.
            s.uncertain = false;
        }
        if (!inChild && s.phase != Phase.GRANDCHILD && s.observesAnySite()) {
            // The parent hands out the address of a variable: whoever gets it may read it.
            for (Expr argument : call.arguments()) {
                if (argument instanceof Expr.AddressOf address) {
                    applyRead(address.variable(), null, s);
                }
            }
        }
        String callee = call.callee();
        pointersStoredByCall(call, s);
        if (!call.isIndirect() && context.knowledge().memory().transparentArgument(callee) >= 0) {
            out.add(s);
            return;
        }
        boolean beforeChild = s.phase == Phase.BEFORE || s.phase == Phase.PARENT || s.phase == Phase.FAILED;
        if (mode == Mode.CALLER && beforeChild) {
            if (context.isVforkSite(call, function) || callsVforkThroughPointer(call, s)) {
                fork(call, s, out);
                return;
            }
            if (clones.start(call, s)) {
                out.add(s);
                return;
            }
        }
        FunctionInfo info = call.isIndirect() ? FunctionInfo.unknown(call.text()) : context.knowledge().lookup(callee);
        if (!inChild && s.phase != Phase.GRANDCHILD) {
            boolean ends = info.endsPath() || call.declaredNoReturn();
            if (s.observesAnySite() && (call.isIndirect() || context.knowledge().followsBody(callee)
                    || ends && info.kind() != FunctionKind.TERMINATE)) {
                // the program's own code (or code it could not tell) may read any global, and so
                // may exit()'s handlers; _exit() and abort() (terminate.yml's safe ones) run none
                escape(s);
            }
            if (!ends) {
                if (mode == Mode.CALLER && info.kind() == FunctionKind.UNKNOWN) {
                    specialiser.passThrough(call, s);
                }
                out.add(s);
            }
            return;
        }
        HelperSummary summary = !call.isIndirect() && context.knowledge().followsBody(callee)
                ? summaries.of(callee, function) : null;
        if (summary != null && info.kind() != FunctionKind.UNKNOWN) {
            // a C library's own spelling of a listed function is that function only where it has no body
            info = FunctionInfo.unknown(callee);
        }
        if (inChild) {
            observe(new VforkObservation.ChildCall(call, info, summary != null, summary == null ? 0 : summary.reach(),
                    false, Trail.at(s.site)));
            if (record) {
                judge.libraryWrites(call, s);
            }
        }
        if (info.endsPath() || call.declaredNoReturn() && summary == null) {
            return;
        }
        if (info.kind() == FunctionKind.EXEC) {
            s.exec = new ExecMark(call, Trail.HERE);
            out.add(s);
            return;
        }
        if (context.knowledge().isFork(callee)) {
            forkGrandchild(call, s, out);
            return;
        }
        if (summary == null) {
            if (call.isIndirect() || info.kind() == FunctionKind.UNKNOWN) {
                s.uncertain = true;
            }
            out.add(s);
            return;
        }
        summary = specialiser.specialise(call, summary, s);
        readsStatics.addAll(summary.readsStatics());
        writesStatics.addAll(summary.writesStatics());
        TraceStep step = new TraceStep(call.location(), callee);
        if (inChild && record) {
            importObservations(call, summary, step, s);
        }
        if (!summary.incomplete().isEmpty() && incompleteMerged.add(summary.incomplete())) {
            incomplete.addAll(summary.incomplete());
        }
        if (!summary.remarks().isEmpty() && incompleteMerged.add(summary.remarks())) {
            remarks.addAll(summary.remarks());
        }
        if (call.declaredNoReturn()) {
            // Its body is checked above; the declaration promises nothing comes back from it.
            return;
        }
        for (HelperSummary.Exit exit : summary.exits()) {
            if (exit.phase() == Phase.GRANDCHILD && mode == Mode.CALLER) {
                // The rest of this path runs in a new process with memory of its own.
                continue;
            }
            FlowState t = s.copy();
            t.phase = inChild ? exit.phase() : Phase.GRANDCHILD;
            if (exit.exec() != null) {
                t.exec = new ExecMark(exit.exec().exec(), exit.exec().trail().via(step, summary.reach(), null));
            }
            t.uncertain = exit.uncertain();
            if (valueUsed.contains(call)) {
                if (!exit.value().isAny()) {
                    t.setCallValue(call, exit.value());
                }
                Set<MemoryObject> targets = imported(summary.returned(), call, s);
                if (!values.unknownByDefault(call, targets)) {
                    t.setCallTargets(call, targets);
                }
            }
            out.add(t);
        }
    }

    /** vfork returns three ways: 0 in the child, the child's pid in the parent, -1 on failure. */
    private void fork(Event.Call call, FlowState s, List<FlowState> out) {
        vforkSites.add(call);
        for (Phase outcome : List.of(Phase.CHILD, Phase.PARENT, Phase.FAILED)) {
            FlowState t = s.copy();
            t.phase = outcome;
            t.site = call;
            t.exec = null;
            t.uncertain = false;
            t.clearHolders();
            t.setCallValue(call, switch (outcome) {
                case CHILD -> AbstractInt.exactly(0);
                case PARENT -> AbstractInt.POSITIVE;
                default -> AbstractInt.exactly(-1);
            });
            if (outcome == Phase.CHILD) {
                t.clearChildLocals();
            }
            if (outcome == Phase.PARENT) {
                t.observe(call);
                // The child ran on this memory first: what was known of variables may be stale
                // (failed = 0; vfork(); child: failed = errno; parent: if (failed) ...).
                t.forgetVariables();
            }
            out.add(t);
        }
    }

    /** fork() in the vfork child: where it returns 0 is a new process (a grandchild) with memory of its own. */
    private void forkGrandchild(Event.Call call, FlowState s, List<FlowState> out) {
        if (mode == Mode.HELPER) {
            FlowState grandchild = s.copy();
            grandchild.phase = Phase.GRANDCHILD;
            grandchild.setCallValue(call, AbstractInt.exactly(0));
            out.add(grandchild);
        }
        s.setCallValue(call, s.phase == Phase.GRANDCHILD ? AbstractInt.ANY : AbstractInt.forkParent());
        out.add(s);
    }

    private boolean callsVforkThroughPointer(Event.Call call, FlowState s) {
        if (!call.isIndirect() || call.target() == null) {
            return false;
        }
        for (MemoryObject o : values.targets(call.target(), s)) {
            if (o instanceof MemoryObject.Function f && context.isVforkName(f.name())) {
                return true;
            }
        }
        return false;
    }

    /** What a helper's returned pointer points into, in this function's terms. */
    private Set<MemoryObject> imported(Set<MemoryObject> returned, Event.Call call, FlowState s) {
        if (returned.isEmpty()) {
            return Set.of(MemoryObject.UNKNOWN);
        }
        Set<MemoryObject> result = new HashSet<>();
        for (MemoryObject o : returned) {
            if (o instanceof MemoryObject.Alloc) {
                result.add(new MemoryObject.Alloc(call, true));
            } else if (o instanceof MemoryObject.Param p) {
                result.addAll(p.index() < call.arguments().size()
                        ? values.targets(call.arguments().get(p.index()), s) : Set.of(MemoryObject.UNKNOWN));
            } else {
                result.add(o);
            }
        }
        return Set.copyOf(result);
    }

    /**
     * A helper's observations at this call, each with its own trail; writes through its parameters
     * judged by what is passed. Inside a helper, a callee that reaches more functions than the
     * helper-reach limit contributes nothing but the call itself: that limit is the same for every
     * caller (a scan-wide setting about the callee, not about who asks), and whatever such a
     * callee observes would be cut where the summary reaches the function that called vfork.
     */
    private void importObservations(Event.Call call, HelperSummary summary, TraceStep step, FlowState s) {
        if (mode == Mode.HELPER && summary.reach() > context.maxReach()) {
            return;
        }
        // Paths reach a call in many states; only writes through its parameters depend on them.
        boolean first = importedAt.add(new ImportKey(call, s.site));
        for (VforkObservation inner : summary.observations()) {
            boolean throughParameter = inner instanceof VforkObservation.ParentMemoryWrite w0 && w0.parameter() >= 0;
            if (!first && !throughParameter) {
                continue;
            }
            Trail trail = inner.trail().via(step, summary.reach(), s.site);
            if (trail.repeatsACall()) {
                continue;
            }
            if (inner instanceof VforkObservation.ParentMemoryWrite w && w.parameter() >= 0) {
                Expr argument = w.parameter() < call.arguments().size() ? call.arguments().get(w.parameter()) : Expr.OPAQUE;
                judge.judge(values.targets(argument, s), s, w.along(trail).throughParameter(-1));
            } else {
                observe(inner.along(trail));
            }
        }
    }

    /**
     * A library call that writes through {@code &p} gives p a new value: memory of the caller's
     * own for asprintf(&p, ...) and friends, something unknown otherwise.
     */
    private void pointersStoredByCall(Event.Call call, FlowState s) {
        if (call.isIndirect()) {
            return;
        }
        var memory = context.knowledge().memory();
        int allocated = memory.allocatedThroughArgument(call.callee());
        for (int index : memory.writtenArguments(call.callee())) {
            if (index < call.arguments().size() && call.arguments().get(index) instanceof Expr.AddressOf address
                    && address.variable().shape() == Variable.Shape.POINTER) {
                s.setValue(address.variable(), AbstractInt.ANY);
                s.setHolder(address.variable(), null);
                s.setPointsTo(address.variable(), index == allocated
                        ? Set.of(new MemoryObject.Alloc(call, mode == Mode.HELPER || s.phase == Phase.CHILD))
                        : Set.of(MemoryObject.UNKNOWN));
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // writes, declarations, reads

    private void applyWrite(Event.Write write, FlowState s) {
        LValue target = write.target();
        Expr value = write.value();
        if (s.phase == Phase.CHILD) {
            s.uncertain = false;
            if (record && !context.knowledge().isErrno(target.path())) {
                judge.judgeWrite(write, s);
            }
        }
        if (target.access() == LValue.Access.DIRECT && target.base() != null && !target.base().isFrameLocal()) {
            writesStatics.add(VforkAnalysis.identity(target.base()));
        }
        Object key = target.access() == LValue.Access.DIRECT ? target.base()
                : target.path().isEmpty() ? null : target.path();
        if (key == null) {
            return;
        }
        if (value != null) {
            assign(key, value, s);
        } else {
            AbstractInt before = s.value(key);
            s.setValue(key, write.increment() != null ? counted(key, before, write.increment()) : AbstractInt.ANY);
            Long offset = s.holder(key);
            s.setHolder(key, offset != null && write.increment() != null ? offset + write.increment() : null);
            // p++ and p += n keep a pointer inside the object it pointed to.
            if (!(key instanceof Variable v && v.shape() == Variable.Shape.POINTER)) {
                s.setPointsTo(key, null);
            }
        }
        if (value != null && target.access() == LValue.Access.DIRECT && s.phase != Phase.CHILD
                && s.phase != Phase.GRANDCHILD) {
            s.overwritten(VforkAnalysis.identity(target.base()));
        }
    }

    /**
     * A global or static counted up from a value the analysis does not know is taken to have been
     * at least 0: such variables are counters and flags ({@code vforked++} before vfork, then
     * {@code if (vforked) _exit(...)} in the child's error path), and a flag counted up is set.
     */
    private static AbstractInt counted(Object key, AbstractInt before, long increment) {
        if (increment > 0 && before.isAny() && key instanceof Variable v && !v.isFrameLocal()
                && v.shape() == Variable.Shape.SCALAR) {
            return new AbstractInt(increment, AbstractInt.NO_HIGH, true);
        }
        return before.plus(increment);
    }

    private void applyDeclare(Event.Declare declare, FlowState s) {
        Variable v = declare.variable();
        if (s.phase == Phase.CHILD) {
            s.declare(v, true);
        } else if (s.phase != Phase.GRANDCHILD) {
            s.declare(v, false);
        }
        if (declare.initialValue() != null) {
            assign(v, declare.initialValue(), s);
            if (s.phase != Phase.CHILD && s.phase != Phase.GRANDCHILD) {
                s.overwritten(VforkAnalysis.identity(v));
            }
        } else {
            s.forget(v);
        }
    }

    private void assign(Object key, Expr value, FlowState s) {
        AbstractInt intValue = values.intValue(value, s);
        Long offset = values.resultOffset(value, s);
        Set<MemoryObject> targets = values.targets(value, s);
        s.setValue(key, intValue);
        s.setHolder(key, offset);
        s.setPointsTo(key, values.isDefault(key, targets) ? null : Set.copyOf(targets));
    }

    /** A read on the parent's side: the variable is live after each vfork this path is the parent of. */
    private void applyRead(Variable variable, Event.Read read, FlowState s) {
        if (s.phase == Phase.CHILD || s.phase == Phase.GRANDCHILD || !s.observesAnySite()) {
            return;
        }
        Object identity = VforkAnalysis.identity(variable);
        for (Map.Entry<Event.Call, ? extends Set<Object>> e : s.observers().entrySet()) {
            if (!e.getValue().contains(identity)) {
                liveAfter.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(identity);
                if (record && read != null) {
                    parentReads.add(new ParentSideRead(read, e.getKey()));
                }
            }
        }
    }

    /**
     * Whether an event of the parent is compatible with a parent that only leaves: _exit and
     * friends, and bookkeeping of the vfork result itself. Such a parent never looks at its
     * memory again, so the child may use it (busybox start-stop-daemon daemonizes this way).
     */
    private boolean leavesAtOnce(Event event, FlowState s) {
        if (event instanceof Event.Call call) {
            return !call.isIndirect() && context.knowledge().lookup(call.callee()).kind() == FunctionKind.TERMINATE;
        }
        if (event instanceof Event.Read read) {
            return s.holdsResult(read.variable());
        }
        if (event instanceof Event.Write write) {
            return write.target().access() == LValue.Access.DIRECT && (s.holdsResult(write.target().base())
                    || values.isSiteCall(write.value(), s));
        }
        if (event instanceof Event.Declare declare) {
            return declare.initialValue() == null || values.isSiteCall(declare.initialValue(), s);
        }
        return false;
    }

    private void leave(Terminator.Return ret, FlowState s) {
        if (s.phase == Phase.PARENT) {
            parentResumes.add(s.site);
        }
        if (s.phase != Phase.CHILD && s.phase != Phase.GRANDCHILD && s.observesAnySite()) {
            escape(s);
        }
        // A wrapper hands the child back to its caller: only a return on the child's path counts.
        if (s.phase == Phase.CHILD && ret.value() != null && Long.valueOf(0).equals(values.resultOffset(ret.value(), s))) {
            returnsVforkResult = true;
        }
        if (mode == Mode.HELPER) {
            AbstractInt value = ret.value() == null ? AbstractInt.ANY : values.intValue(ret.value(), s);
            exits.merge(new HelperSummary.Exit(s.phase, s.exec, s.uncertain, AbstractInt.ANY), value, AbstractInt::join);
            if (ret.value() != null && s.phase == Phase.CHILD) {
                for (MemoryObject o : values.targets(ret.value(), s)) {
                    returned.add(o instanceof MemoryObject.Alloc ? new MemoryObject.Alloc(null, true)
                            : o instanceof MemoryObject.Param || o instanceof MemoryObject.Function ? o : MemoryObject.UNKNOWN);
                }
            }
            return;
        }
        if (s.phase != Phase.CHILD) {
            return;
        }
        if (s.exec != null) {
            observe(new VforkObservation.ExecFallthrough(s.exec.exec(), false, function.name(), s.exec.trail().withSite(s.site)));
        } else {
            Location at = ret.location();
            observe(new VforkObservation.ChildReturn(at, function.name(), Trail.at(s.site)));
        }
    }

    /** The parent goes where its globals can be read: what it has not stored to again since each vfork is not restored. */
    private void escape(FlowState s) {
        for (Map.Entry<Event.Call, ? extends Set<Object>> e : s.observers().entrySet()) {
            Set<Object> now = e.getValue();
            // runs at every call the parent makes: copies only what shrinks
            restoredBeforeEscape.compute(e.getKey(), (site, before) -> before == null ? Set.copyOf(now)
                    : now.containsAll(before) ? before : before.stream().filter(now::contains).collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }
    }

    /** The exits of a helper, with the values each returns. */
    List<HelperSummary.Exit> exitList() {
        List<HelperSummary.Exit> result = new ArrayList<>();
        exits.forEach((exit, value) -> result.add(new HelperSummary.Exit(exit.phase(), exit.exec(), exit.uncertain(), value)));
        return result;
    }
}
