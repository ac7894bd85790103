package io.github.vforklint.probe;

import io.github.vforklint.cli.ExitCode;

/**
 * A failure the user can act on (no compiler, a compile error, a crashed run). It carries the exit
 * code so that the command line can report it in one line instead of a stack trace.
 */
public final class ProbeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;

    public ProbeException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ProbeException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    static ProbeException usage(String message) {
        return new ProbeException(ExitCode.USAGE, message);
    }

    static ProbeException incomplete(String message) {
        return new ProbeException(ExitCode.INCOMPLETE, message);
    }
}
