package io.github.vforklint.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What library calls do to memory, from {@code rules/functions/memory.yml}: which return fresh
 * memory, which return a pointer into an argument, which write through their arguments, which
 * change the environment, and which are not calls at all ({@code __builtin_expect}).
 */
public record MemoryEffects(Set<String> allocators, Set<String> resizers, Map<String, List<Integer>> writesThrough,
                            Map<String, Integer> allocatesInto, Map<String, Integer> returnsInto,
                            Map<String, Integer> returnsArgument, Set<String> environMutators, InternalNames internal) {

    public MemoryEffects(Set<String> allocators, Set<String> resizers, Map<String, List<Integer>> writesThrough,
                         Map<String, Integer> allocatesInto, Map<String, Integer> returnsInto,
                         Map<String, Integer> returnsArgument, Set<String> environMutators) {
        this(allocators, resizers, writesThrough, allocatesInto, returnsInto, returnsArgument, environMutators,
                new InternalNames(List.of(), List.of(), List.of()));
    }

    /** The same effects, found also under a C library's own spellings of the names ({@code __memcpy}). */
    MemoryEffects spelledBy(InternalNames names) {
        return new MemoryEffects(allocators, resizers, writesThrough, allocatesInto, returnsInto, returnsArgument,
                environMutators, names);
    }

    /** The name the lists know {@code function} by: itself, or the name a C library's own spelling spells. */
    private String known(String function) {
        if (function == null) {
            return null;
        }
        String listed = internal.listed(function, this::listed);
        return listed != null && !listed(function) ? listed : function;
    }

    private boolean listed(String name) {
        return allocators.contains(name) || resizers.contains(name) || writesThrough.containsKey(name)
                || allocatesInto.containsKey(name) || returnsInto.containsKey(name) || returnsArgument.containsKey(name)
                || environMutators.contains(name);
    }

    public MemoryEffects {
        allocators = Set.copyOf(allocators);
        resizers = Set.copyOf(resizers);
        writesThrough = Map.copyOf(writesThrough);
        allocatesInto = Map.copyOf(allocatesInto);
        returnsInto = Map.copyOf(returnsInto);
        returnsArgument = Map.copyOf(returnsArgument);
        environMutators = Set.copyOf(environMutators);
    }

    /** Returns memory no one else points to yet. */
    public boolean allocates(String function) {
        return function != null && allocators.contains(known(function));
    }

    /** Returns the block of its first argument, maybe moved. */
    public boolean resizes(String function) {
        return function != null && resizers.contains(known(function));
    }

    /** Argument positions whose pointee the call writes; empty when none. */
    public List<Integer> writtenArguments(String function) {
        return function == null ? List.of() : writesThrough.getOrDefault(known(function), List.of());
    }

    /** The argument through which the call stores a pointer to fresh memory ({@code asprintf(&p, ...)}), or -1. */
    public int allocatedThroughArgument(String function) {
        return function == null ? -1 : allocatesInto.getOrDefault(known(function), -1);
    }

    /** The argument the result points into, or -1. */
    public int resultPointsIntoArgument(String function) {
        return function == null ? -1 : returnsInto.getOrDefault(known(function), -1);
    }

    /** For a call that is only a wrapper of its argument ({@code __builtin_expect}), that argument; else -1. */
    public int transparentArgument(String function) {
        return function == null ? -1 : returnsArgument.getOrDefault(known(function), -1);
    }

    public boolean mutatesEnviron(String function) {
        return function != null && environMutators.contains(known(function));
    }
}
