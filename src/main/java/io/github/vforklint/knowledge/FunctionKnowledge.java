package io.github.vforklint.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.catalogue.Catalogue;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Looks up what a called function means in a vfork child. Immutable once loaded; share it. */
public final class FunctionKnowledge {


    private final Map<String, FunctionInfo> functions;
    private final VforkCalls vforkCalls;
    private final MemoryEffects memory;
    private final Set<String> errnoSpellings;
    private final Set<String> forks;
    /** How C libraries spell their own functions inside their sources (internal-names.yml). */
    private final InternalNames internalNames;

    private FunctionKnowledge(Map<String, FunctionInfo> functions, VforkCalls vforkCalls, MemoryEffects memory,
                              Set<String> errnoSpellings, Set<String> forks, InternalNames internalNames) {
        this.functions = Collections.unmodifiableMap(functions);
        this.internalNames = internalNames;
        this.vforkCalls = vforkCalls;
        this.memory = memory;
        this.errnoSpellings = errnoSpellings;
        this.forks = forks;
    }

    /** What library calls do to memory (memory.yml). */
    public MemoryEffects memory() {
        return memory;
    }

    /** Calls that create an ordinary child with its own memory (vfork.yml {@code fork}): 0 in the new process. */
    public boolean isFork(String function) {
        return function != null && forks.contains(function);
    }

    /** Whether a written place, spelled as {@code LValue.path()} spells it, is the thread's errno (errno.yml). */
    public boolean isErrno(String spelling) {
        return errnoSpellings.contains(spelling);
    }


    /** noreturn.yml's {@code attribute-macros} alone, for the front end, which reads declarations. */
    public static Set<String> noReturnMacroNames() {
        return set(read("noreturn.yml").path("attribute-macros"));
    }

    /** platforms.yml {@code systems}: words of folder and file names that mark code built only for another system than Linux. */
    public static Set<String> foreignSystemWords() {
        return set(read("platforms.yml").path("systems"));
    }

    /** platforms.yml {@code processors}: words of folder names that mark code built only for another processor than x86-64. */
    public static Set<String> foreignProcessorWords() {
        return set(read("platforms.yml").path("processors"));
    }

    /** Loads the catalogue shipped in the jar. */
    public static FunctionKnowledge load() {
        Map<String, FunctionInfo> map = new HashMap<>();
        // Earlier files win: a name in both exec.yml and async-signal-safe.yml is an exec.
        JsonNode vfork = read("vfork.yml");
        names(vfork.path("functions")).forEach(n -> map.putIfAbsent(n, info(n, FunctionKind.VFORK)));
        Map<String, VforkCalls.CloneShape> cloneShapes = new java.util.TreeMap<>();
        for (JsonNode clone : vfork.path("clone").path("functions")) {
            cloneShapes.put(clone.path("name").asText(), new VforkCalls.CloneShape(clone.path("fn").asInt(0),
                    clone.path("flags").asInt(2), clone.path("arg").asInt(3)));
        }
        VforkCalls calls = new VforkCalls(set(vfork.path("syscall").path("functions")),
                set(vfork.path("syscall").path("numbers")), cloneShapes,
                set(vfork.path("clone3").path("functions")), set(vfork.path("clone3").path("syscall-numbers")),
                set(vfork.path("clone").path("flags")),
                bits(vfork.path("clone").path("flag-values")), set(vfork.path("clone").path("syscall-numbers")),
                vfork.path("clone").path("flag-searched-for").asText());
        JsonNode terminate = read("terminate.yml");
        names(terminate.path("safe")).forEach(n -> map.putIfAbsent(n, info(n, FunctionKind.TERMINATE)));
        names(terminate.path("runs-handlers"))
                .forEach(n -> map.putIfAbsent(n, info(n, FunctionKind.TERMINATE_RUNNING_HANDLERS)));
        for (JsonNode exec : read("exec.yml").path("functions")) {
            String name = exec.path("name").asText();
            map.putIfAbsent(name, new FunctionInfo(name, FunctionKind.EXEC, null, null,
                    exec.path("path-search").asBoolean(false), false));
        }
        for (JsonNode category : read("unsafe.yml").path("categories")) {
            String id = category.path("id").asText();
            String reason = category.path("reason").asText();
            names(category.path("functions"))
                    .forEach(n -> map.putIfAbsent(n, new FunctionInfo(n, FunctionKind.UNSAFE, id, reason, false, false)));
        }
        JsonNode safe = read("async-signal-safe.yml");
        names(safe.path("functions")).forEach(n -> map.putIfAbsent(n, info(n, FunctionKind.ASYNC_SIGNAL_SAFE)));
        names(safe.path("linux-extras")).forEach(n -> map.putIfAbsent(n, info(n, FunctionKind.ASYNC_SIGNAL_SAFE)));
        names(read("pure.yml").path("functions")).forEach(n -> map.putIfAbsent(n, info(n, FunctionKind.PURE)));
        JsonNode noreturn = read("noreturn.yml");
        names(noreturn.path("functions"))
                .forEach(n -> map.put(n, map.getOrDefault(n, FunctionInfo.unknown(n)).withNeverReturns()));
        JsonNode memory = read("memory.yml");
        Map<String, java.util.List<Integer>> writes = new java.util.TreeMap<>();
        memory.path("writes-through").fields().forEachRemaining(e -> {
            java.util.List<Integer> positions = new java.util.ArrayList<>();
            e.getValue().forEach(i -> positions.add(i.asInt()));
            writes.put(e.getKey(), java.util.List.copyOf(positions));
        });
        Map<String, Integer> returnsArgument = positions(memory.path("returns-argument"));
        names(memory.path("cast-types")).forEach(type -> returnsArgument.putIfAbsent(type, 0));
        MemoryEffects effects = new MemoryEffects(set(memory.path("allocates")), set(memory.path("resizes")), writes,
                positions(memory.path("allocates-into")), positions(memory.path("returns-into")), returnsArgument,
                set(memory.path("mutates-environ")));
        JsonNode internal = read("internal-names.yml");
        InternalNames internalNames = new InternalNames(list(internal.path("prefixes")), list(internal.path("suffixes")),
                list(internal.path("suffixes-alone")));
        return new FunctionKnowledge(map, calls, effects.spelledBy(internalNames), set(read("errno.yml").path("spellings")),
                set(vfork.path("fork").path("functions")), internalNames);
    }

    /**
     * Whether a call of the name is followed into a body the scanned code gives it, ahead of what
     * {@link #lookup} says: a name with no kind of its own in the catalogue, including a C
     * library's own spelling of a listed one ({@code __libc_sigaction}: musl defines its own).
     */
    public boolean followsBody(String name) {
        FunctionInfo info = name == null ? null : functions.get(name);
        return info == null || info.kind() == FunctionKind.UNKNOWN;
    }

    public FunctionInfo lookup(String name) {
        FunctionInfo info = functions.get(name);
        if (info != null || name == null) {
            return info != null ? info : FunctionInfo.unknown(name);
        }
        String listed = internalNames.listed(name, functions::containsKey);
        if (listed != null) {
            FunctionInfo as = functions.get(listed);
            return new FunctionInfo(name, as.kind(), as.category(), as.reason(), as.searchesPath(), as.neverReturns());
        }
        return FunctionInfo.unknown(name);
    }

    /** The other shapes of a call that creates a vfork child (syscall, clone, clone3). */
    public VforkCalls vforkCalls() {
        return vforkCalls;
    }

    public Set<String> namesOf(FunctionKind kind) {
        Set<String> names = new TreeSet<>();
        functions.values().stream().filter(f -> f.kind() == kind).forEach(f -> names.add(f.name()));
        return names;
    }

    private static FunctionInfo info(String name, FunctionKind kind) {
        return new FunctionInfo(name, kind, null, null, false, false);
    }

    private static Map<String, Integer> positions(JsonNode map) {
        Map<String, Integer> result = new java.util.TreeMap<>();
        map.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asInt()));
        return result;
    }

    private static long bits(JsonNode values) {
        long bits = 0;
        for (JsonNode v : values) {
            bits |= v.asLong();
        }
        return bits;
    }

    private static java.util.List<String> list(JsonNode list) {
        java.util.List<String> result = new java.util.ArrayList<>();
        list.forEach(n -> result.add(n.asText()));
        return java.util.List.copyOf(result);
    }

    private static Set<String> set(JsonNode list) {
        Set<String> result = new TreeSet<>();
        names(list).forEach(result::add);
        return Set.copyOf(result);
    }

    private static Iterable<String> names(JsonNode list) {
        Set<String> names = new TreeSet<>();
        for (JsonNode n : list) {
            names.add(n.isObject() ? n.path("name").asText() : n.asText());
        }
        return names;
    }

    private static JsonNode read(String file) {
        return Catalogue.load().functions(file);
    }
}
