package io.github.vforklint.files;

import java.io.IOException;

/** A named input that cannot be read: missing, not a regular file, too large, or an I/O error. The message is for the user. */
public final class InputFileException extends IOException {

    public InputFileException(String message) {
        super(message);
    }
}
