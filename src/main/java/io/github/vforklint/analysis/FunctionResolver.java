package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

import java.util.Optional;

/** Finds the body of a function the child calls, in whatever part of the scanned code is visible. */
@FunctionalInterface
public interface FunctionResolver {

    /**
     * @param caller the function making the call: a name is looked up in its translation unit
     *               first, where its static functions are
     */
    Optional<FunctionBody> function(String name, FunctionBody caller);
}
