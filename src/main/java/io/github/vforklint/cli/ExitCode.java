package io.github.vforklint.cli;

/**
 * The documented process exit codes. They follow the ESLint/Ruff contract (0 clean, 1 findings,
 * 2 usage) and split out partial analysis and internal errors the way PMD does, so CI can tell
 * "your code has problems" from "the tool could not do its job".
 */
public enum ExitCode {
    /** Nothing at or above the --fail-on threshold. */
    OK(0),
    /** Findings at or above the --fail-on threshold. */
    FINDINGS(1),
    /** Bad command line or configuration. */
    USAGE(2),
    /**
     * Some input could not be fully analysed, or an external step (compiler, probe run) failed;
     * findings are still reported. Also running out of memory, when nothing is reported.
     */
    INCOMPLETE(3),
    /** A bug in vforklint itself. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
