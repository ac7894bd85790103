package io.github.vforklint.analysis;

/** Where a path stands relative to the vfork call it last passed. */
enum Phase {
    /** No vfork call on this path yet. */
    BEFORE,
    /** vfork returned 0: this is the child, running on the parent's memory. */
    CHILD,
    /** vfork returned the child's pid: the child has exited or exec'd. */
    PARENT,
    /** vfork returned -1: there is no child. */
    FAILED,
    /**
     * The vfork child called fork() and this is the new process: it has memory of its own, so
     * nothing it does is vfork-child code.
     */
    GRANDCHILD
}
