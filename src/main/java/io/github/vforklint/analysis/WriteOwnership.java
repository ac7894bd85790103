package io.github.vforklint.analysis;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.LValue;
import io.github.vforklint.ir.Variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which of the child's writes land in memory the parent owns. Memory is the child's own
 * when it is a variable declared inside the child region (or, in a helper, the helper's frame),
 * an element or member of one, or reached through a pointer that only ever points at such storage.
 */
final class WriteOwnership {

    private final PathExplorer walk;
    private final Predicate<Variable> childOwned;
    private final List<Variable> sharedArguments;
    /** Pointer parameters whose pointees the callers decide about (helpers only). */
    private final List<Variable> forwardingParameters;

    private WriteOwnership(PathExplorer walk, Predicate<Variable> childOwned, List<Variable> sharedArguments,
                           List<Variable> forwardingParameters) {
        this.walk = walk;
        this.childOwned = childOwned;
        this.sharedArguments = sharedArguments;
        this.forwardingParameters = forwardingParameters;
    }

    static WriteOwnership forHelper(PathExplorer walk, FunctionBody function) {
        return new WriteOwnership(walk, Variable::isFrameLocal, List.of(), function.parameters());
    }

    /** A clone child's parameter is clone's {@code arg}: what it points to is shared on purpose. */
    static WriteOwnership forCloneChild(PathExplorer walk, FunctionBody function) {
        return new WriteOwnership(walk, Variable::isFrameLocal, function.parameters(), List.of());
    }

    static WriteOwnership forVforkFunction(PathExplorer walk) {
        return new WriteOwnership(walk, v -> v.storage() == Variable.Storage.LOCAL
                && walk.declaredInChild.contains(v) && !walk.declaredOutsideChild.contains(v), List.of(), List.of());
    }

    /** Writes through clone's argument (only for a clone child). */
    List<VforkObservation.CloneArgumentWrite> cloneArgumentWrites() {
        List<VforkObservation.CloneArgumentWrite> result = new ArrayList<>();
        for (Map.Entry<Event.Call, java.util.Set<PathExplorer.ChildWrite>> entry : walk.childWrites.entrySet()) {
            for (PathExplorer.ChildWrite w : entry.getValue()) {
                if (!w.storesResult() && !ownedByChild(w.write().target()) && throughSharedArgument(w.write().target())) {
                    result.add(new VforkObservation.CloneArgumentWrite(w.write(), entry.getKey(), List.of()));
                }
            }
        }
        for (PathExplorer.ForwardedWrite f : walk.forwardedWrites) {
            if (passesSharedArgument(f)) {
                VforkObservation.ParentMemoryWrite w = f.write();
                result.add(new VforkObservation.CloneArgumentWrite(w.write(), w.site(), w.chain()));
            }
        }
        return result;
    }

    /** A helper called with clone's {@code arg} (or a pointer set from it) writes what arg points to. */
    private boolean passesSharedArgument(PathExplorer.ForwardedWrite f) {
        return f.argument() instanceof Expr.VarRef ref && !sharedArguments.isEmpty()
                && derivesFromSharedArgument(ref.variable(), new HashSet<>());
    }

    List<VforkObservation.ParentMemoryWrite> parentWrites() {
        List<VforkObservation.ParentMemoryWrite> result = new ArrayList<>();
        for (Map.Entry<Event.Call, java.util.Set<PathExplorer.ChildWrite>> entry : walk.childWrites.entrySet()) {
            for (PathExplorer.ChildWrite w : entry.getValue()) {
                if (w.storesResult() || ownedByChild(w.write().target()) || throughSharedArgument(w.write().target())) {
                    continue;
                }
                LValue target = w.write().target();
                Variable written = target.access() == LValue.Access.THROUGH_POINTER ? null : target.base();
                int parameter = target.access() == LValue.Access.THROUGH_POINTER && target.base() != null
                        ? parameterBehind(target.base(), new HashSet<>()) : -1;
                result.add(new VforkObservation.ParentMemoryWrite(w.write(), written, parameter, entry.getKey(), List.of()));
            }
        }
        for (PathExplorer.ForwardedWrite f : walk.forwardedWrites) {
            if (passesSharedArgument(f)) {
                continue;
            }
            VforkObservation.ParentMemoryWrite resolved = resolve(f);
            if (resolved != null) {
                result.add(resolved);
            }
        }
        return result;
    }

    /** A callee's write through a pointer parameter, judged by what this function passed for it. */
    private VforkObservation.ParentMemoryWrite resolve(PathExplorer.ForwardedWrite f) {
        Expr argument = f.argument();
        if (argument instanceof Expr.AddressOf address) {
            return childOwned.test(address.variable()) ? null : f.write().into(address.variable());
        }
        if (argument instanceof Expr.VarRef ref) {
            Variable pointer = ref.variable();
            if (pointer.shape() == Variable.Shape.ARRAY ? childOwned.test(pointer)
                    : pointsOnlyToChildStorage(pointer, new HashSet<>())) {
                return null;
            }
            int parameter = parameterBehind(pointer, new HashSet<>());
            return parameter >= 0 ? f.write().throughParameter(parameter) : f.write();
        }
        return f.write();
    }

    /** Which forwarding parameter a pointer is, or was set from; -1 if none. */
    private int parameterBehind(Variable pointer, Set<Variable> visiting) {
        int index = forwardingParameters.indexOf(pointer);
        if (index >= 0 || !visiting.add(pointer)) {
            return index;
        }
        for (Expr value : walk.assignedValues.getOrDefault(pointer, List.of())) {
            if (value instanceof Expr.VarRef ref) {
                int behind = parameterBehind(ref.variable(), visiting);
                if (behind >= 0) {
                    return behind;
                }
            }
        }
        return -1;
    }


    private boolean ownedByChild(LValue target) {
        // Every failed exec in the child writes the parent thread's errno anyway.
        if (walk.knowledge().isErrno(target.path())) {
            return true;
        }
        Variable base = target.base();
        if (base == null) {
            return false;
        }
        if (target.access() != LValue.Access.THROUGH_POINTER || base.shape() == Variable.Shape.ARRAY) {
            return childOwned.test(base);
        }
        return pointsOnlyToChildStorage(base, new HashSet<>());
    }

    private boolean throughSharedArgument(LValue target) {
        return target.access() == LValue.Access.THROUGH_POINTER && target.base() != null
                && derivesFromSharedArgument(target.base(), new HashSet<>());
    }

    /** {@code arg} itself, or a local pointer set from it ({@code struct args *a = arg;}). */
    private boolean derivesFromSharedArgument(Variable pointer, Set<Variable> visiting) {
        if (sharedArguments.contains(pointer)) {
            return true;
        }
        if (!visiting.add(pointer)) {
            return false;
        }
        for (Expr value : walk.assignedValues.getOrDefault(pointer, List.of())) {
            if (value instanceof Expr.VarRef ref && derivesFromSharedArgument(ref.variable(), visiting)) {
                return true;
            }
        }
        return false;
    }

    private boolean pointsOnlyToChildStorage(Variable pointer, Set<Variable> visiting) {
        if (!childOwned.test(pointer) || pointer.storage() == Variable.Storage.PARAMETER) {
            return false;
        }
        if (!visiting.add(pointer)) {
            // p = p + 1: judged by p's other values.
            return true;
        }
        List<Expr> values = walk.assignedValues.getOrDefault(pointer, List.of());
        if (values.isEmpty()) {
            return false;
        }
        for (Expr value : values) {
            if (!childStorage(value, visiting)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a pointer value points only at the child's own storage. */
    private boolean childStorage(Expr value, Set<Variable> visiting) {
        if (value instanceof Expr.AddressOf address) {
            return childOwned.test(address.variable());
        }
        if (value instanceof Expr.VarRef ref) {
            return pointsOnlyToChildStorage(ref.variable(), visiting);
        }
        if (value instanceof Expr.CallValue call && !call.call().isIndirect()) {
            String callee = call.call().callee();
            if (walk.knowledge().resizesItsArgument(callee)) {
                return !call.call().arguments().isEmpty() && childStorage(call.call().arguments().get(0), visiting);
            }
            return walk.knowledge().returnsFreshMemory(callee) || walk.returnsFreshMemory(callee);
        }
        return false;
    }

    /** Whether every value a function returns is memory only it points to (a busybox xmalloc). */
    static boolean returnsOnlyFreshMemory(PathExplorer walk) {
        if (walk.returnedValues.isEmpty()) {
            return false;
        }
        // Its own locals may carry the pointer out (void *p = malloc(n); return p;).
        WriteOwnership judge = new WriteOwnership(walk, v -> v.storage() == Variable.Storage.LOCAL, List.of(), List.of());
        for (Expr value : walk.returnedValues) {
            if (!judge.childStorage(value, new HashSet<>())) {
                return false;
            }
        }
        return true;
    }
}
