package io.github.vforklint.ir;

import java.util.List;

/**
 * One function definition lowered to a CFG.
 *
 * @param location the function's name in its definition
 * @param nodes    every node, entry first
 * @param skipped  parts of the body the parser could not make sense of, as human-readable notes
 */
public record FunctionBody(String name, Location location, List<Variable> parameters, CfgNode entry,
                           List<CfgNode> nodes, boolean declaredNoReturn, List<String> skipped) {
}
