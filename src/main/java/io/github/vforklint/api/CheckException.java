package io.github.vforklint.api;

/**
 * A check that cannot run as asked: a bad option, configuration file, baseline, compilation
 * database or path. The message is for the user as it stands; front doors report it as a usage
 * error (exit code 2 on the command line, a failed build in a plugin).
 */
public final class CheckException extends Exception {

    public CheckException(String message) {
        super(message);
    }
}
