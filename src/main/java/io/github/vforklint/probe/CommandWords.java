package io.github.vforklint.probe;

import io.github.vforklint.shell.ShellWords;

import java.util.List;

/**
 * Option values such as {@code --run-with "qemu-aarch64 -L /usr/aarch64-linux-gnu"} split into
 * words as a shell would, so users can paste what they would type; a bad value is a usage error.
 */
final class CommandWords {
    private CommandWords() {}

    static List<String> split(String line) throws ProbeException {
        try {
            return ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            throw ProbeException.usage(e.getMessage());
        }
    }
}
