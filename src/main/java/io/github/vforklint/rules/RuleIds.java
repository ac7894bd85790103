package io.github.vforklint.rules;

/** The ids the checks raise; every one must have a document in the catalogue and back. */
public final class RuleIds {
    /** Raised by the suppression step after the scan (io.github.vforklint.suppress), not by a check. */
    public static final String UNUSED_SUPPRESSION = "VFK001";
    public static final String UNSAFE_CALL = "VFK101";
    public static final String EXIT_IN_CHILD = "VFK102";
    public static final String RETURN_IN_CHILD = "VFK103";
    public static final String PARENT_MEMORY_WRITE = "VFK104";
    public static final String EXEC_FALLTHROUGH = "VFK105";
    public static final String NONEXEC_CALL = "VFK106";
    public static final String PATH_SEARCH_EXEC = "VFK107";
    public static final String UNKNOWN_CALL = "VFK108";
    public static final String PARENT_READS_CHILD_WRITE = "VFK201";
    public static final String LAUNCH_MECHANISM_VFORK = "VFK301";
    public static final String INVALID_LAUNCH_MECHANISM = "VFK302";
    public static final String LATE_LAUNCH_MECHANISM = "VFK303";
    public static final String JDK_INTERNAL_LAUNCH = "VFK304";
    public static final String NATIVE_FORK_IN_JVM = "VFK310";
    public static final String NATIVE_VFORK_IN_JVM = "VFK311";
    public static final String JAVA_IN_FORKED_CHILD = "VFK312";

    private RuleIds() {
    }
}
