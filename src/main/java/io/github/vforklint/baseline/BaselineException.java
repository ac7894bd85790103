package io.github.vforklint.baseline;

/** A baseline file that cannot be read: missing, not JSON, or not a vforklint baseline. */
public final class BaselineException extends Exception {
    public BaselineException(String message) {
        super(message);
    }
}
