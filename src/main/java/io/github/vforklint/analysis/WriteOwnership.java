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

    private WriteOwnership(PathExplorer walk, Predicate<Variable> childOwned, List<Variable> sharedArguments) {
        this.walk = walk;
        this.childOwned = childOwned;
        this.sharedArguments = sharedArguments;
    }

    static WriteOwnership forHelper(PathExplorer walk) {
        return new WriteOwnership(walk, Variable::isFrameLocal, List.of());
    }

    /** A clone child's parameter is clone's {@code arg}: what it points to is shared on purpose. */
    static WriteOwnership forCloneChild(PathExplorer walk, FunctionBody function) {
        return new WriteOwnership(walk, Variable::isFrameLocal, function.parameters());
    }

    static WriteOwnership forVforkFunction(PathExplorer walk) {
        return new WriteOwnership(walk, v -> v.storage() == Variable.Storage.LOCAL
                && walk.declaredInChild.contains(v) && !walk.declaredOutsideChild.contains(v), List.of());
    }

    /** Writes through clone's argument (only for a clone child). */
    List<Observation.CloneArgumentWrite> cloneArgumentWrites() {
        List<Observation.CloneArgumentWrite> result = new ArrayList<>();
        for (Map.Entry<Event.Call, List<PathExplorer.ChildWrite>> entry : walk.childWrites.entrySet()) {
            for (PathExplorer.ChildWrite w : entry.getValue()) {
                if (!w.storesResult() && !ownedByChild(w.write().target()) && throughSharedArgument(w.write().target())) {
                    result.add(new Observation.CloneArgumentWrite(w.write(), entry.getKey(), List.of()));
                }
            }
        }
        return result;
    }

    List<Observation.ParentMemoryWrite> parentWrites() {
        List<Observation.ParentMemoryWrite> result = new ArrayList<>();
        for (Map.Entry<Event.Call, List<PathExplorer.ChildWrite>> entry : walk.childWrites.entrySet()) {
            for (PathExplorer.ChildWrite w : entry.getValue()) {
                if (w.storesResult() || ownedByChild(w.write().target()) || throughSharedArgument(w.write().target())) {
                    continue;
                }
                LValue target = w.write().target();
                Variable written = target.access() == LValue.Access.THROUGH_POINTER ? null : target.base();
                result.add(new Observation.ParentMemoryWrite(w.write(), written, entry.getKey(), List.of()));
            }
        }
        return result;
    }

    /**
     * errno, as spelled without system headers and as glibc, BSD and illumos expand it. Every
     * failed exec in the child already writes the parent thread's errno, so the child's own
     * errno writes add nothing to report.
     */
    private static final Set<String> ERRNO = Set.of("errno", "*__errno_location()", "*__error()", "*___errno()");

    /** alloca'd memory is in the frame of the function that called it, below the parent's frames. */
    private static final Set<String> STACK_ALLOCATORS = Set.of("alloca", "__builtin_alloca");

    private boolean ownedByChild(LValue target) {
        if (ERRNO.contains(target.path())) {
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
        if (!childOwned.test(pointer) || pointer.storage() == Variable.Storage.PARAMETER || !visiting.add(pointer)) {
            return false;
        }
        List<Expr> values = walk.assignedValues.getOrDefault(pointer, List.of());
        if (values.isEmpty()) {
            return false;
        }
        for (Expr value : values) {
            boolean local = value instanceof Expr.AddressOf address && childOwned.test(address.variable())
                    || value instanceof Expr.VarRef ref && pointsOnlyToChildStorage(ref.variable(), visiting)
                    || value instanceof Expr.CallValue call && STACK_ALLOCATORS.contains(call.call().callee());
            if (!local) {
                return false;
            }
        }
        return true;
    }
}
