package io.github.vforklint.knowledge;

import io.github.vforklint.ir.Event;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls that create a vfork child though they are not named vfork: {@code syscall(SYS_vfork)},
 * {@code clone(fn, stack, CLONE_VM | CLONE_VFORK, arg)} and {@code clone3} with those flags.
 * Decided on the arguments as spelled, since their values come from system headers.
 */
public record VforkCalls(Set<String> syscallFunctions, Set<String> syscallNumbers, Set<String> cloneFunctions,
                         Set<String> clone3Functions, Set<String> clone3SyscallNumbers, Set<String> cloneFlags,
                         long cloneFlagBits) {

    /** Callees whose argument spellings the front end must keep. */
    public Set<String> spelledCallees() {
        Set<String> all = new HashSet<>(syscallFunctions);
        all.addAll(cloneFunctions);
        all.addAll(clone3Functions);
        return Set.copyOf(all);
    }

    /** The argument as written, without the expansion ArgumentSpelling may append. */
    private static String firstWord(String spelling) {
        String s = spelling.strip();
        int blank = s.indexOf(' ');
        return blank < 0 ? s : s.substring(0, blank);
    }

    /** Words a file must contain (itself or through a macro) for one of these calls to be vfork-like. */
    public Set<String> textMarkers() {
        Set<String> markers = new HashSet<>(syscallNumbers);
        markers.addAll(cloneFlags);
        return Set.copyOf(markers);
    }

    /** A call that returns 0 in a vfork child, like vfork itself. */
    public boolean returnsInChild(Event.Call call) {
        if (call.callee() == null) {
            return false;
        }
        if (syscallFunctions.contains(call.callee())) {
            String number = firstWord(call.argumentText(0));
            return syscallNumbers.contains(number) || clone3SyscallNumbers.contains(number) && hasCloneFlags(call, 1);
        }
        return clone3Functions.contains(call.callee()) && hasCloneFlags(call, 0);
    }

    /** For {@code clone(fn, stack, flags, arg)} with vfork flags: the name of {@code fn}, else null. */
    public String clonedFunction(Event.Call call) {
        if (call.callee() == null || !cloneFunctions.contains(call.callee()) || !hasCloneFlags(call, 2)) {
            return null;
        }
        String fn = call.argumentText(0).strip();
        while (fn.startsWith("&") || fn.startsWith("(") && fn.endsWith(")")) {
            fn = fn.startsWith("&") ? fn.substring(1).strip() : fn.substring(1, fn.length() - 1).strip();
        }
        return fn.matches("[A-Za-z_]\\w*") ? fn : null;
    }

    /** Named in the argument's spelling, or, with system headers read, set in its folded value. */
    private boolean hasCloneFlags(Event.Call call, int index) {
        if (index < call.arguments().size() && call.arguments().get(index) instanceof io.github.vforklint.ir.Expr.IntConst c
                && cloneFlagBits != 0 && (c.value() & cloneFlagBits) == cloneFlagBits) {
            return true;
        }
        String spelling = call.argumentText(index);
        for (String flag : cloneFlags) {
            if (!Pattern.compile("\\b" + Pattern.quote(flag) + "\\b").matcher(spelling).find()) {
                return false;
            }
        }
        return !cloneFlags.isEmpty();
    }
}
