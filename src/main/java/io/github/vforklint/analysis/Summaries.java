package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.FunctionBody;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Child-context summaries of helpers, computed bottom-up over the call graph: the strongly
 * connected components below a helper are found first (Tarjan), and each is solved as a whole,
 * callees before callers, members of a recursive cycle iterated together from "nothing known"
 * until their summaries stop changing. Nothing here knows any caller or any caller's limits.
 */
final class Summaries implements SummarySource {

    /** Trails kept per observed statement in one summary: enough for a reviewer, bounded for the machine. */
    static final int MAX_TRAILS_PER_STATEMENT = 16;
    /**
     * Analyses a recursive cycle gets to settle, per member. A member is analysed again each time
     * a member it calls changed, and where each calls several others, facts reach it from several
     * sides: dash's cycle of 14 error and allocation helpers settles after 83 analyses, about 6 a
     * member (with 4 it was cut, and said so four times). The budget only stops a cycle that would
     * not settle; one that settles uses what it needs.
     */
    private static final int ROUNDS_PER_MEMBER = 8;

    private static final Comparator<FunctionBody> ORDER = Comparator.comparing(FunctionBody::unit)
            .thenComparing(FunctionBody::name).thenComparing(b -> b.location() == null ? 0 : b.location().line());

    private final AnalysisContext context;
    private final SummaryCache cache;
    /** The call graph's edges found so far: each is asked for by several steps of a solve. */
    private final Map<FunctionBody, List<FunctionBody>> callees = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where a helper's own analysis gets its callees' summaries: far-reaching ones are not followed. */
    private final SummarySource nested = new SummarySource() {
        @Override
        public HelperSummary of(String name, FunctionBody caller) {
            return context.resolver().function(name, caller).map(Summaries.this::nested).orElse(null);
        }

        @Override
        public HelperSummary specialised(String name, FunctionBody caller, HelperSummary general, List<AbstractInt> arguments,
                                         Map<Object, AbstractInt> statics) {
            return Summaries.this.specialised(name, caller, general, arguments, statics);
        }
    };

    Summaries(AnalysisContext context, SummaryCache cache) {
        this.context = context;
        this.cache = cache;
    }

    @Override
    public HelperSummary of(String name, FunctionBody caller) {
        Optional<FunctionBody> found = context.resolver().function(name, caller);
        return found.map(this::of).orElse(null);
    }

    HelperSummary of(FunctionBody body) {
        HelperSummary done = cache.get(body);
        if (done != null) {
            return done;
        }
        for (List<FunctionBody> component : components(body)) {
            solve(component);
        }
        return cache.get(body);
    }

    /** What a specialised summary was computed for. */
    private record Specialisation(List<AbstractInt> arguments, Map<Object, AbstractInt> statics) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Specialisation other
                    && Objects.equals(arguments, other.arguments)
                    && Objects.equals(statics, other.statics);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(arguments) + Objects.hashCode(statics);
        }
    }

    @Override
    public HelperSummary specialised(String name, FunctionBody caller, HelperSummary general, List<AbstractInt> arguments,
                                     Map<Object, AbstractInt> statics) {
        Optional<FunctionBody> found = context.resolver().function(name, caller);
        if (found.isEmpty()) {
            return general;
        }
        FunctionBody body = found.get();
        if (farReaching(body) != null) {
            return general;
        }
        boolean recursive = cache.recursive(body);
        List<AbstractInt> known = new ArrayList<>();
        for (int i = 0; i < body.parameters().size(); i++) {
            known.add(i < arguments.size() && !recursive ? arguments.get(i) : AbstractInt.ANY);
        }
        if (known.stream().allMatch(AbstractInt::isAny) && statics.isEmpty()) {
            return general;
        }
        // every member of a cycle is summarised again together, under the same key
        Specialisation key = new Specialisation(recursive ? List.of() : List.copyOf(known), Map.copyOf(statics));
        HelperSummary done = cache.specialised(body, key);
        if (done != null) {
            return done;
        }
        if (recursive) {
            HelperSummary cycle = specialisedCycle(body, statics, key);
            return cycle != null ? cycle : general;
        }
        FlowState start = FlowState.start(Phase.CHILD);
        for (int i = 0; i < known.size(); i++) {
            start.setValue(body.parameters().get(i), known.get(i));
        }
        statics.forEach(start::setValue);
        HelperSummary summary = summarise(body, nested, general.reach(), start);
        cache.putSpecialised(body, key, summary);
        return summary;
    }

    /**
     * The summary a helper's analysis uses for a helper it calls. One that reaches more functions
     * than the helper-reach limit is not followed from inside another helper (whatever it observes
     * would be cut where the summary meets the vfork child), so it reads as a call without a body:
     * it may return, or not, and its result is unknown. Whether it does is found by looking at
     * no more than limit + 1 functions, so an interpreter's call machinery is never parsed whole.
     */
    private HelperSummary nested(FunctionBody callee) {
        BitSet far = farReaching(callee);
        if (far == null) {
            return of(callee);
        }
        return new HelperSummary(List.of(), NOT_FOLLOWED_EXITS, Set.of(MemoryObject.UNKNOWN), far.cardinality(), List.of());
    }

    /** As a call without a body: it may come back, or not (so its caller's path is uncertain). */
    private static final List<HelperSummary.Exit> NOT_FOLLOWED_EXITS =
            List.of(new HelperSummary.Exit(Phase.CHILD, null, true, AbstractInt.ANY));

    /**
     * The first limit + 1 functions {@code function} reaches (itself included), breadth first,
     * when it reaches more than the helper-reach limit; null when it reaches no more. The answer
     * depends only on the call graph, whatever was summarised before.
     */
    private BitSet farReaching(FunctionBody function) {
        if (cache.near(function)) {
            return null;
        }
        BitSet known = cache.farReaching(function);
        if (known != null) {
            return known;
        }
        int limit = context.maxReach();
        Set<FunctionBody> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<FunctionBody> queue = new ArrayDeque<>();
        seen.add(function);
        queue.add(function);
        BitSet found = new BitSet();
        found.set(cache.id(function));
        while (!queue.isEmpty() && seen.size() <= limit) {
            for (FunctionBody callee : callees(queue.poll())) {
                if (seen.add(callee)) {
                    found.set(cache.id(callee));
                    queue.add(callee);
                    if (seen.size() > limit) {
                        break;
                    }
                }
            }
        }
        return cache.putReachCheck(function, found, seen.size() > limit);
    }

    /** The helpers a function calls that have bodies: the edges of the call graph. */
    private List<FunctionBody> callees(FunctionBody function) {
        List<FunctionBody> known = callees.get(function);
        if (known == null) {
            // not computeIfAbsent: finding them may parse files, which must not hold a lock
            known = findCallees(function);
            callees.put(function, known);
        }
        return known;
    }

    private List<FunctionBody> findCallees(FunctionBody function) {
        Set<FunctionBody> result = new LinkedHashSet<>();
        for (CfgNode node : function.nodes()) {
            for (Event event : node.events()) {
                if (event instanceof Event.Call call && !call.isIndirect()
                        && context.knowledge().followsBody(call.callee())) {
                    context.resolver().function(call.callee(), function).ifPresent(result::add);
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * Tarjan's algorithm, without recursion (call graphs are deep), over the functions reachable
     * from {@code root} that have no summary yet: components come out callees first.
     */
    private List<List<FunctionBody>> components(FunctionBody root) {
        Map<FunctionBody, Integer> index = new IdentityHashMap<>();
        Map<FunctionBody, Integer> low = new IdentityHashMap<>();
        Map<FunctionBody, List<FunctionBody>> edges = new IdentityHashMap<>();
        Deque<FunctionBody> stack = new ArrayDeque<>();
        Set<FunctionBody> onStack = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<List<FunctionBody>> result = new ArrayList<>();
        record Frame(FunctionBody function, int next) {
        }
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame(root, 0));
        int counter = 0;
        while (!frames.isEmpty()) {
            Frame frame = frames.pop();
            FunctionBody f = frame.function();
            if (frame.next() == 0 && !index.containsKey(f)) {
                index.put(f, counter);
                low.put(f, counter);
                counter++;
                stack.push(f);
                onStack.add(f);
                List<FunctionBody> out = new ArrayList<>();
                for (FunctionBody callee : callees(f)) {
                    if (cache.get(callee) == null && farReaching(callee) == null) {
                        out.add(callee);
                    }
                }
                edges.put(f, out);
            }
            List<FunctionBody> out = edges.get(f);
            int i = frame.next();
            if (i > 0) {
                // back from the callee at i - 1
                FunctionBody callee = out.get(i - 1);
                if (onStack.contains(callee)) {
                    low.put(f, Math.min(low.get(f), low.get(callee)));
                }
            }
            boolean descended = false;
            while (i < out.size()) {
                FunctionBody callee = out.get(i);
                i++;
                if (!index.containsKey(callee)) {
                    frames.push(new Frame(f, i));
                    frames.push(new Frame(callee, 0));
                    descended = true;
                    break;
                }
                if (onStack.contains(callee)) {
                    low.put(f, Math.min(low.get(f), index.get(callee)));
                }
            }
            if (descended) {
                continue;
            }
            if (low.get(f).equals(index.get(f))) {
                List<FunctionBody> component = new ArrayList<>();
                FunctionBody member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (member != f);
                result.add(component);
            }
        }
        return result;
    }

    /** Summarises one strongly connected component, all members together. */
    private void solve(List<FunctionBody> component) {
        if (component.stream().allMatch(f -> cache.get(f) != null)) {
            return;
        }
        List<FunctionBody> members = new ArrayList<>(component);
        members.sort(ORDER);
        Set<FunctionBody> inComponent = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        inComponent.addAll(members);
        BitSet reached = new BitSet();
        BitSet far;
        boolean recursive = members.size() > 1;
        for (FunctionBody m : members) {
            reached.set(cache.id(m));
            for (FunctionBody callee : callees(m)) {
                if (inComponent.contains(callee)) {
                    recursive = true;
                } else if ((far = farReaching(callee)) != null) {
                    reached.or(far);
                } else {
                    BitSet below = cache.reach(callee);
                    if (below == null) {
                        // Another thread's component, or one not reached from here before: solve it first.
                        of(callee);
                        below = cache.reach(callee);
                    }
                    if (below != null) {
                        reached.or(below);
                    }
                }
            }
        }
        int reach = reached.cardinality();
        Map<FunctionBody, HelperSummary> current = new IdentityHashMap<>();
        members.forEach(m -> current.put(m, HelperSummary.BOTTOM));
        SummarySource source = (name, caller) -> inCycleOrNested(current, name, caller);
        iterate(members, inComponent, recursive, reach, source, current, Map.of());
        if (recursive) {
            members.forEach(m -> cache.putComponent(m, members));
        }
        for (FunctionBody m : members) {
            cache.put(m, current.get(m), reached, recursive);
        }
    }

    /** For a cycle's analysis: a member's summary as far as it is computed, another helper's as nested. */
    private HelperSummary inCycleOrNested(Map<FunctionBody, HelperSummary> current, String name, FunctionBody caller) {
        Optional<FunctionBody> body = context.resolver().function(name, caller);
        if (body.isEmpty()) {
            return null;
        }
        HelperSummary inCycle = current.get(body.get());
        return inCycle != null ? inCycle : nested(body.get());
    }

    /**
     * Analyses the members of a component until their summaries in {@code current} stop changing:
     * a member is analysed again only when a member it calls changed, and the component as a
     * whole gets a bounded number of analyses, whose exhaustion each summary then says.
     *
     * @param statics what each analysis starts out knowing of globals and statics
     */
    private void iterate(List<FunctionBody> members, Set<FunctionBody> inComponent, boolean recursive, int reach,
                         SummarySource source, Map<FunctionBody, HelperSummary> current, Map<Object, AbstractInt> statics) {
        Map<FunctionBody, List<FunctionBody>> callersInside = new IdentityHashMap<>();
        for (FunctionBody m : members) {
            for (FunctionBody callee : callees(m)) {
                if (inComponent.contains(callee)) {
                    callersInside.computeIfAbsent(callee, k -> new ArrayList<>()).add(m);
                }
            }
        }
        int budget = budget(members.size(), recursive);
        java.util.ArrayDeque<FunctionBody> work = new java.util.ArrayDeque<>(calleesFirst(members, inComponent));
        Set<FunctionBody> queued = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        queued.addAll(members);
        boolean settled = true;
        while (!work.isEmpty()) {
            if (budget-- <= 0) {
                settled = false;
                break;
            }
            FunctionBody m = work.poll();
            queued.remove(m);
            FlowState start = FlowState.start(Phase.CHILD);
            statics.forEach(start::setValue);
            HelperSummary next = summarise(m, source, reach, start);
            if (!same(next, current.get(m))) {
                current.put(m, next);
                for (FunctionBody caller : callersInside.getOrDefault(m, List.of())) {
                    if (queued.add(caller)) {
                        work.add(caller);
                    }
                }
            }
        }
        if (settled) {
            return;
        }
        int rounds = budget(members.size(), recursive);
        for (FunctionBody m : members) {
            HelperSummary s = current.get(m);
            List<String> notes = new ArrayList<>(s.incomplete());
            notes.add("the summary of the recursive helper " + m.name() + "() did not settle after " + rounds
                    + " analyses of its cycle of " + members.size() + " functions; findings in it may be missing");
            current.put(m, new HelperSummary(s.observations(), s.exits(), s.returned(), s.reach(), notes, s.remarks(),
                    s.readsStatics(), s.writesStatics()));
        }
    }

    /**
     * A recursive cycle summarised again, as a whole, for what a caller knows of the globals and
     * statics it reads (dash's error path, exverror() in a cycle with its allocators, reaches
     * exraise(), which _exits where vforked is set). A call out of the cycle is specialised too;
     * a call between members uses the members' summaries being computed while what the cycle
     * assumed still holds at the call, and their general ones where it does not.
     */
    private HelperSummary specialisedCycle(FunctionBody body, Map<Object, AbstractInt> statics, Object key) {
        List<FunctionBody> members = cache.component(body);
        if (members == null) {
            return null;
        }
        Set<FunctionBody> inComponent = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        inComponent.addAll(members);
        Map<FunctionBody, HelperSummary> current = new IdentityHashMap<>();
        members.forEach(m -> current.put(m, HelperSummary.BOTTOM));
        SummarySource source = new SummarySource() {
            @Override
            public HelperSummary of(String name, FunctionBody caller) {
                return inCycleOrNested(current, name, caller);
            }

            @Override
            public HelperSummary specialised(String name, FunctionBody caller, HelperSummary general,
                                             List<AbstractInt> arguments, Map<Object, AbstractInt> known) {
                Optional<FunctionBody> found = context.resolver().function(name, caller);
                if (found.isPresent() && inComponent.contains(found.get())) {
                    // what the cycle assumed still holds: its summary under that is sound for more knowledge
                    boolean holds = statics.entrySet().stream().allMatch(e -> e.getValue().equals(known.get(e.getKey())));
                    return holds ? general : cache.get(found.get());
                }
                return Summaries.this.specialised(name, caller, general, arguments, known);
            }
        };
        int reach = cache.get(body).reach();
        iterate(members, inComponent, true, reach, source, current, statics);
        for (FunctionBody m : members) {
            cache.putSpecialised(m, key, current.get(m));
        }
        return cache.specialised(body, key);
    }

    /**
     * The members in an order that lets what they observe travel around a cycle in one pass:
     * depth-first from the first member by name, each member after everything it calls. Fixed by
     * the bodies alone, whichever function of the component was asked for first.
     */
    private List<FunctionBody> calleesFirst(List<FunctionBody> sorted, Set<FunctionBody> inComponent) {
        List<FunctionBody> order = new ArrayList<>();
        Set<FunctionBody> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        record Frame(FunctionBody function, List<FunctionBody> callees, int next) {
        }
        for (FunctionBody root : sorted) {
            if (!seen.add(root)) {
                continue;
            }
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(root, callees(root), 0));
            while (!stack.isEmpty()) {
                Frame top = stack.pop();
                int i = top.next();
                FunctionBody next = null;
                while (i < top.callees().size()) {
                    FunctionBody c = top.callees().get(i++);
                    if (inComponent.contains(c) && seen.add(c)) {
                        next = c;
                        break;
                    }
                }
                if (next != null) {
                    stack.push(new Frame(top.function(), top.callees(), i));
                    stack.push(new Frame(next, callees(next), 0));
                } else {
                    order.add(top.function());
                }
            }
        }
        return order;
    }

    /**
     * How many analyses a component gets: with its members taken callees first, what one observes
     * goes around a cycle in a pass or two, so a few passes are plenty; a component that needs
     * more is reported as not settled.
     */
    private static int budget(int members, boolean recursive) {
        return recursive ? ROUNDS_PER_MEMBER * members + 2 : members;
    }

    private static boolean same(HelperSummary a, HelperSummary b) {
        return a.exits().equals(b.exits()) && a.returned().equals(b.returned())
                && new HashSet<>(a.observations()).equals(new HashSet<>(b.observations()))
                && a.incomplete().equals(b.incomplete()) && a.remarks().equals(b.remarks())
                && a.readsStatics().equals(b.readsStatics()) && a.writesStatics().equals(b.writesStatics());
    }

    private HelperSummary summarise(FunctionBody body, SummarySource source, int reach, FlowState start) {
        FunctionFlow flow = new FunctionFlow(body, context, FunctionFlow.Mode.HELPER, null, true, source);
        flow.run(start);
        List<String> incomplete = new ArrayList<>(flow.incomplete);
        if (flow.truncated) {
            incomplete.add("analysis of helper " + body.name() + "() stopped after " + context.stepBudget()
                    + " steps; findings in it may be missing");
        }
        body.skipped().forEach(s -> incomplete.add("in " + body.name() + "(), line " + s));
        List<HelperSummary.Exit> exits = flow.exitList();
        if (flow.truncated) {
            // Cut short: assume it can come back, so the caller's analysis goes on.
            exits = new ArrayList<>(exits);
            exits.add(new HelperSummary.Exit(Phase.CHILD, null, false, AbstractInt.ANY));
        }
        List<String> remarks = new ArrayList<>(flow.remarks);
        List<VforkObservation> observations = boundTrails(flow.observations, body.name(), remarks);
        return new HelperSummary(observations, exits, flow.returned, reach, List.copyOf(new LinkedHashSet<>(incomplete)),
                List.copyOf(new LinkedHashSet<>(remarks)), flow.readsStatics, flow.writesStatics);
    }

    /**
     * At most {@link #MAX_TRAILS_PER_STATEMENT} trails per observed statement, the shortest first;
     * when a statement had more, {@code notes} says so for the helper (a remark: the analysis is
     * complete, the report holds fewer chains).
     */
    static List<VforkObservation> boundTrails(java.util.Collection<VforkObservation> observations, String helper,
                                              List<String> notes) {
        Map<Object, List<VforkObservation>> byStatement = new LinkedHashMap<>();
        for (VforkObservation o : observations) {
            byStatement.computeIfAbsent(statementKey(o), k -> new ArrayList<>()).add(o);
        }
        List<VforkObservation> result = new ArrayList<>();
        boolean bounded = false;
        for (List<VforkObservation> same : byStatement.values()) {
            if (same.size() > MAX_TRAILS_PER_STATEMENT) {
                same = shortestTrails(same);
                bounded = true;
            }
            result.addAll(same);
        }
        if (bounded) {
            // One note for the helper, whatever its arguments: a statement reached along very many
            // chains is a combinatorial effect of nested helpers; a note per statement would drown the rest.
            notes.add("in " + helper + "(), statements reached along more than " + MAX_TRAILS_PER_STATEMENT
                    + " chains of calls are each reported with their " + MAX_TRAILS_PER_STATEMENT + " shortest chains only");
        }
        return result;
    }

    private record StatementKey(Class<?> kind, Location location, Object detail) {
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof StatementKey other
                    && Objects.equals(kind, other.kind)
                    && Objects.equals(location, other.location)
                    && Objects.equals(detail, other.detail);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(kind);
            h = 31 * h + Objects.hashCode(location);
            h = 31 * h + Objects.hashCode(detail);
            return h;
        }
    }

    private static Object statementKey(VforkObservation o) {
        Object detail = o instanceof VforkObservation.ParentMemoryWrite w
                ? w.parameter() + ":" + (w.variable() == null ? "" : VforkAnalysis.identity(w.variable()))
                : o instanceof VforkObservation.ExecFallthrough f ? f.intoParentCode() : null;
        return new StatementKey(o.getClass(), o.location(), detail);
    }

    /**
     * The {@link #MAX_TRAILS_PER_STATEMENT} shortest trails, ties broken by the spelling of their
     * call sites; each spelling is made once, not at every comparison.
     */
    private static List<VforkObservation> shortestTrails(List<VforkObservation> same) {
        record Ranked(int length, String spelling, VforkObservation observation) {
        }
        List<Ranked> ranked = new ArrayList<>(same.size());
        for (VforkObservation o : same) {
            ranked.add(new Ranked(o.chain().size(), o.chain().stream().map(s -> s.location().sortKey()).toList().toString(), o));
        }
        ranked.sort(Comparator.comparingInt(Ranked::length).thenComparing(Ranked::spelling));
        return ranked.subList(0, MAX_TRAILS_PER_STATEMENT).stream().map(Ranked::observation).toList();
    }
}
