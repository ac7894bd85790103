package io.github.vforklint.config;

/** A configuration file that cannot be used; the message reads {@code file:line: what is wrong}. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
