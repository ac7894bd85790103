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
    private final Set<String> freshAllocators;
    private final Set<String> resizingAllocators;
    private final Set<String> errnoSpellings;

    private FunctionKnowledge(Map<String, FunctionInfo> functions, VforkCalls vforkCalls, Set<String> freshAllocators,
                              Set<String> resizingAllocators, Set<String> errnoSpellings) {
        this.functions = Collections.unmodifiableMap(functions);
        this.vforkCalls = vforkCalls;
        this.freshAllocators = freshAllocators;
        this.resizingAllocators = resizingAllocators;
        this.errnoSpellings = errnoSpellings;
    }

    /** Whether a written place, spelled as {@code LValue.path()} spells it, is the thread's errno (errno.yml). */
    public boolean isErrno(String spelling) {
        return errnoSpellings.contains(spelling);
    }

    /** Calls returning memory no one else points to yet (allocators.yml {@code fresh}). */
    public boolean returnsFreshMemory(String function) {
        return function != null && freshAllocators.contains(function);
    }

    /** Calls returning their first argument's block, maybe moved (allocators.yml {@code resize}). */
    public boolean resizesItsArgument(String function) {
        return function != null && resizingAllocators.contains(function);
    }

    /** Loads the catalogue shipped in the jar. */
    public static FunctionKnowledge load() {
        Map<String, FunctionInfo> map = new HashMap<>();
        // Earlier files win: a name in both exec.yml and async-signal-safe.yml is an exec.
        JsonNode vfork = read("vfork.yml");
        names(vfork.path("functions")).forEach(n -> map.putIfAbsent(n, info(n, FunctionKind.VFORK)));
        VforkCalls calls = new VforkCalls(set(vfork.path("syscall").path("functions")),
                set(vfork.path("syscall").path("numbers")), set(vfork.path("clone").path("functions")),
                set(vfork.path("clone3").path("functions")), set(vfork.path("clone3").path("syscall-numbers")),
                set(vfork.path("clone").path("flags")),
                bits(vfork.path("clone").path("flag-values")));
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
        names(read("noreturn.yml").path("functions"))
                .forEach(n -> map.put(n, map.getOrDefault(n, FunctionInfo.unknown(n)).withNeverReturns()));
        JsonNode allocators = read("allocators.yml");
        return new FunctionKnowledge(map, calls, set(allocators.path("fresh")), set(allocators.path("resize")),
                set(read("errno.yml").path("spellings")));
    }

    public FunctionInfo lookup(String name) {
        FunctionInfo info = functions.get(name);
        return info != null ? info : FunctionInfo.unknown(name);
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

    private static long bits(JsonNode values) {
        long bits = 0;
        for (JsonNode v : values) {
            bits |= v.asLong();
        }
        return bits;
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
