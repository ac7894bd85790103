package io.github.vforklint.knowledge;

import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls that create a vfork child though they are not named vfork: {@code syscall(SYS_vfork)},
 * {@code syscall(SYS_clone, CLONE_VM | CLONE_VFORK, 0)}, {@code clone(fn, stack, CLONE_VM |
 * CLONE_VFORK, arg)} and its relatives ({@code __clone}, glibc's {@code CLONE(...)} macro,
 * {@code __clone_internal(&args, fn, arg)}), and {@code clone3} with those flags. Decided on the
 * arguments as spelled, since their values come from system headers.
 *
 * @param cloneShapes where a clone-like function takes the child's function, the flags and the
 *                    child's argument
 * @param cloneSyscallNumbers syscall numbers of clone: with the vfork flags in argument 1 and no
 *                    new stack, the call returns 0 in a vfork child like vfork itself
 * @param flagSearchedFor the clone flag a file must name for any of these calls to be vfork-like
 */
public record VforkCalls(Set<String> syscallFunctions, Set<String> syscallNumbers, Map<String, CloneShape> cloneShapes,
                         Set<String> clone3Functions, Set<String> clone3SyscallNumbers, Set<String> cloneFlags,
                         long cloneFlagBits, Set<String> cloneSyscallNumbers, String flagSearchedFor) {

    /** Argument positions of a clone-like call. */
    public record CloneShape(int function, int flags, int argument) {
    }

    public VforkCalls {
        cloneShapes = Map.copyOf(cloneShapes);
        if (!cloneFlags.contains(flagSearchedFor)) {
            throw new IllegalArgumentException("the flag searched for, " + flagSearchedFor + ", is not one of " + cloneFlags);
        }
    }

    /** Callees whose argument spellings the front end must keep. */
    public Set<String> spelledCallees() {
        Set<String> all = new HashSet<>(syscallFunctions);
        all.addAll(cloneShapes.keySet());
        all.addAll(clone3Functions);
        return Set.copyOf(all);
    }

    /** The argument as written, without the expansion ArgumentSpelling may append. */
    private static String firstWord(String spelling) {
        String s = spelling.strip();
        int blank = s.indexOf(' ');
        return blank < 0 ? s : s.substring(0, blank);
    }

    /**
     * Words a file must contain (itself or through a macro) for one of these calls to be
     * vfork-like: the vfork system call's numbers, and one clone flag, since a call needs them all.
     */
    public Set<String> textMarkers() {
        Set<String> markers = new HashSet<>(syscallNumbers);
        markers.add(flagSearchedFor);
        return Set.copyOf(markers);
    }

    /** A call that returns 0 in a vfork child, like vfork itself. */
    public boolean returnsInChild(Event.Call call) {
        if (call.callee() == null) {
            return false;
        }
        if (syscallFunctions.contains(call.callee())) {
            String number = firstWord(call.argumentText(0));
            return syscallNumbers.contains(number)
                    || (clone3SyscallNumbers.contains(number) || cloneSyscallNumbers.contains(number)) && hasCloneFlags(call, 1);
        }
        return clone3Functions.contains(call.callee()) && hasCloneFlags(call, 0);
    }

    /** The shape of a clone-like callee, or null. */
    public CloneShape cloneShape(String callee) {
        return callee == null ? null : cloneShapes.get(callee);
    }

    /** For {@code clone(fn, stack, flags, arg)} with vfork flags: the name of {@code fn}, else null. */
    public String clonedFunction(Event.Call call) {
        CloneShape shape = cloneShape(call.callee());
        if (shape == null || !hasCloneFlags(call, shape.flags())) {
            return null;
        }
        return functionName(call.argumentText(shape.function()));
    }

    /** A function named by an argument's spelling ({@code fn}, {@code &fn}, {@code (fn)}), or null. */
    public static String functionName(String spelling) {
        String fn = spelling.strip();
        int blank = fn.indexOf(' ');
        if (blank > 0 && !fn.startsWith("(")) {
            fn = fn.substring(0, blank);
        }
        while (fn.startsWith("&") || fn.startsWith("(") && fn.endsWith(")")) {
            fn = fn.startsWith("&") ? fn.substring(1).strip() : fn.substring(1, fn.length() - 1).strip();
        }
        return fn.matches("[A-Za-z_]\\w*") ? fn : null;
    }

    /** Whether argument {@code index} holds every vfork clone flag (by name, or with system headers by value). */
    public boolean hasCloneFlags(Event.Call call, int index) {
        if (index < call.arguments().size() && call.arguments().get(index) instanceof Expr.IntConst c
                && cloneFlagBits != 0 && (c.value() & cloneFlagBits) == cloneFlagBits) {
            return true;
        }
        return namesCloneFlags(call, index);
    }

    /** Whether argument {@code index}, as spelled, names every vfork clone flag. */
    public boolean namesCloneFlags(Event.Call call, int index) {
        String spelling = call.argumentText(index);
        for (String flag : cloneFlags) {
            if (!namesWord(spelling, flag)) {
                return false;
            }
        }
        return !cloneFlags.isEmpty();
    }

    /** Whether {@code spelling} holds {@code word} as a whole word ({@code flags | SIGCHLD} names {@code flags}). */
    public static boolean namesWord(String spelling, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(spelling).find();
    }
}
