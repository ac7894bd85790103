package io.github.vforklint.frontend.c;

import io.github.vforklint.knowledge.VforkCalls;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;

import java.util.Set;

/**
 * The calls whose arguments are kept as spelled in the source, since what makes them vfork-like
 * is decided on the spelling ({@link VforkCalls}): those to the clone-like and syscall functions,
 * and any call with an argument that names the clone flag searched for
 * ({@code lxc_clone(do_share_ns, handler, CLONE_VFORK | CLONE_VM, NULL)}: a project's wrapper
 * of clone, defined in a file that names no flag).
 *
 * @param callees the functions whose calls are always spelled
 * @param flag    a word that makes any call spelled when one of its arguments names it; null for none
 */
record SpelledCalls(Set<String> callees, String flag) {

    static final SpelledCalls NONE = new SpelledCalls(Set.of(), null);

    SpelledCalls {
        callees = Set.copyOf(callees);
    }

    static SpelledCalls of(VforkCalls calls) {
        return new SpelledCalls(calls.spelledCallees(), calls.flagSearchedFor());
    }

    /** The same callees, and no flag. */
    SpelledCalls withoutFlag() {
        return flag == null ? this : new SpelledCalls(callees, null);
    }

    /** Whether a call to {@code callee} (null for an indirect one) keeps its arguments' spelling. */
    boolean keeps(String callee, IASTFunctionCallExpression call) {
        return callee != null && (callees.contains(callee) || namesTheFlag(call));
    }

    /** Whether one of the call's arguments, as written, names the flag. */
    boolean namesTheFlag(IASTFunctionCallExpression call) {
        if (flag == null) {
            return false;
        }
        for (IASTInitializerClause argument : call.getArguments()) {
            if (TextFacts.wordsIn(argument.getRawSignature().toCharArray(), Set.of(flag)) != TextFacts.Occurrences.NONE) {
                return true;
            }
        }
        return false;
    }
}
