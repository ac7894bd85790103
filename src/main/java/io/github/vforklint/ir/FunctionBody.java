package io.github.vforklint.ir;

import io.github.vforklint.finding.Location;

import java.util.List;

/**
 * One function definition lowered to a CFG.
 *
 * @param unit     the translation unit (absolute path of the parsed file) it was lowered from:
 *                 the names it calls are looked up there first, where its static functions are
 * @param location the function's name in its definition
 * @param exported whether other translation units can call it (not static)
 * @param nodes    every node, entry first
 * @param skipped  parts of the body the parser could not make sense of, as human-readable notes
 */
public record FunctionBody(String unit, String name, Location location, boolean exported, List<Variable> parameters,
                           CfgNode entry, List<CfgNode> nodes, boolean declaredNoReturn, List<String> skipped) {

    /** Identity, not structure: bodies are large graphs, and each is lowered once. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
