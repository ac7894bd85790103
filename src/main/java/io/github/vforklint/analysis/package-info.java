/**
 * Finds vfork child regions and what the child does in them. A path-sensitive walk over each
 * function's CFG tracks which vfork outcome (child, parent, failure) a path is in, following the
 * vfork result through the variables it is stored in; helpers the child calls are summarised once
 * in child context. The output is a list of {@link io.github.vforklint.analysis.VforkObservation}s;
 * turning them into findings is the rules' job. No I/O here.
 */
package io.github.vforklint.analysis;
