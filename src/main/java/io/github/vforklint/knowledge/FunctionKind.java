package io.github.vforklint.knowledge;

/** What calling a function means for a vfork child, in the order that resolves a name listed twice. */
public enum FunctionKind {
    /** A call that creates a vfork child. */
    VFORK,
    /** Ends the child without touching the parent's state ({@code _exit}). */
    TERMINATE,
    /** Ends the child but runs the parent's atexit handlers and flushes its stdio ({@code exit}). */
    TERMINATE_RUNNING_HANDLERS,
    /** Replaces the child's image on success; returns on failure. */
    EXEC,
    /** Touches state the child shares with the parent. */
    UNSAFE,
    /** POSIX async-signal-safe. */
    ASYNC_SIGNAL_SAFE,
    /** Only computes on its arguments. */
    PURE,
    /** Not in the catalogue. */
    UNKNOWN;

    public boolean terminates() {
        return this == TERMINATE || this == TERMINATE_RUNNING_HANDLERS;
    }
}
