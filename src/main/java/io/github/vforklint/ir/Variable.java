package io.github.vforklint.ir;

import io.github.vforklint.finding.Location;

/**
 * A named object of the program. Identity is object identity: the front end creates one instance
 * per declaration it resolves, so two names that refer to the same declaration share it.
 */
public final class Variable {

    /** Where the object lives, which decides who owns it when a vfork child writes to it. */
    public enum Storage { GLOBAL, STATIC, LOCAL, PARAMETER }

    /** The shape of its type, enough to tell an array or struct (storage) from a pointer (a reference). */
    public enum Shape { SCALAR, POINTER, ARRAY, AGGREGATE }

    private final String name;
    private final Storage storage;
    private final Shape shape;
    private final Location declared;

    public Variable(String name, Storage storage, Shape shape, Location declared) {
        this.name = name;
        this.storage = storage;
        this.shape = shape;
        this.declared = declared;
    }

    public String name() {
        return name;
    }

    public Storage storage() {
        return storage;
    }

    public Shape shape() {
        return shape;
    }

    public Location declared() {
        return declared;
    }

    /** Locals and parameters live in the frame of the function being analysed. */
    public boolean isFrameLocal() {
        return storage == Storage.LOCAL || storage == Storage.PARAMETER;
    }

    @Override
    public String toString() {
        return name;
    }
}
