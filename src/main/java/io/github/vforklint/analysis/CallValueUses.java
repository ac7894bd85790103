package io.github.vforklint.analysis;

import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.Terminator;

import java.util.HashSet;
import java.util.Set;

/**
 * The calls of a function whose results some expression of it uses. Most calls' results are
 * thrown away (a statement {@code f(x);}): what the analysis knows of them would only ride along
 * in every state after the call, making each join pay for it.
 */
final class CallValueUses {

    private CallValueUses() {
    }

    static Set<Event.Call> of(FunctionBody function) {
        Set<Event.Call> used = new HashSet<>();
        for (CfgNode node : function.nodes()) {
            for (Event event : node.events()) {
                if (event instanceof Event.Call call) {
                    call.arguments().forEach(a -> collect(a, used));
                    collect(call.target(), used);
                } else if (event instanceof Event.Write write) {
                    collect(write.value(), used);
                    collect(write.target().pointer(), used);
                } else if (event instanceof Event.Declare declare) {
                    collect(declare.initialValue(), used);
                }
            }
            Terminator t = node.terminator();
            if (t instanceof Terminator.Branch branch) {
                collect(branch.condition(), used);
            } else if (t instanceof Terminator.Switch sw) {
                collect(sw.selector(), used);
            } else if (t instanceof Terminator.Return ret) {
                collect(ret.value(), used);
            }
        }
        return used;
    }

    private static void collect(Expr e, Set<Event.Call> used) {
        if (e instanceof Expr.CallValue value) {
            used.add(value.call());
        } else if (e instanceof Expr.Assign assign) {
            collect(assign.value(), used);
        } else if (e instanceof Expr.Binary binary) {
            collect(binary.left(), used);
            collect(binary.right(), used);
        } else if (e instanceof Expr.Arithmetic arithmetic) {
            collect(arithmetic.left(), used);
            collect(arithmetic.right(), used);
        } else if (e instanceof Expr.Not not) {
            collect(not.operand(), used);
        } else if (e instanceof Expr.Member member) {
            collect(member.container(), used);
        } else if (e instanceof Expr.Derived derived) {
            collect(derived.base(), used);
        } else if (e instanceof Expr.Choice choice) {
            collect(choice.first(), used);
            collect(choice.second(), used);
        }
    }
}
