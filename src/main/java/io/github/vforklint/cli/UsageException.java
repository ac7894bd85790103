package io.github.vforklint.cli;

/** A bad command line or configuration that only picocli's parsing could not catch; exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
