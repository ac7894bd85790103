package io.github.vforklint.analysis;

import io.github.vforklint.ir.FunctionBody;

import java.util.Optional;

/** Finds the body of a function the child calls, in whatever part of the scanned code is visible. */
@FunctionalInterface
public interface FunctionResolver {

    Optional<FunctionBody> function(String name);
}
