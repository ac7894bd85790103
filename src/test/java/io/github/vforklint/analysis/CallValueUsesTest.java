package io.github.vforklint.analysis;

import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.LValue;
import io.github.vforklint.ir.Terminator;
import io.github.vforklint.ir.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which calls' results a function uses: in every place an expression can hold one, however nested. */
class CallValueUsesTest {

    private static final Location AT = Location.of("t.c", 1, 1);
    private static final Variable X = new Variable("x", Variable.Storage.LOCAL, Variable.Shape.POINTER, AT);

    private static Event.Call call(String name, Expr... arguments) {
        return new Event.Call(name, List.of(arguments), AT, name + "()", false);
    }

    private static Expr value(Event.Call call) {
        return new Expr.CallValue(call);
    }

    @Test
    void everyPlaceAResultCanBeUsedIsFound() {
        Event.Call ignored = call("ignored");
        Event.Call argument = call("argument");
        Event.Call right = call("right");
        Event.Call outer = call("outer", new Expr.Arithmetic("+", value(argument), new Expr.IntConst(1)),
                new Expr.Arithmetic("-", new Expr.IntConst(1), value(right)));
        Event.Call stored = call("stored");
        Event.Call throughPointer = call("through");
        Event.Call declared = call("declared");
        Event.Call tested = call("tested");
        Event.Call negated = call("negated");
        Event.Call chosen = call("chosen");
        Event.Call member = call("member");
        Event.Call derived = call("derived");
        Event.Call assigned = call("assigned");
        Event.Call selected = call("selected");
        Event.Call returned = call("returned");
        Event.Call pointer = call("pointer");
        Event.Call indirect = new Event.Call(null, List.of(), List.of(), AT, "(*fp)()", false, value(pointer));

        CfgNode first = new CfgNode(0);
        CfgNode second = new CfgNode(1);
        CfgNode third = new CfgNode(2);
        first.add(ignored);
        first.add(argument);
        first.add(right);
        first.add(outer);
        first.add(stored);
        first.add(new Event.Write(new LValue(X, LValue.Access.DIRECT, "x"), new Expr.Assign(X, value(stored)), null, AT));
        first.add(throughPointer);
        first.add(new Event.Write(new LValue(X, LValue.Access.THROUGH_POINTER, "*x", new Expr.Derived(value(throughPointer))),
                null, 1L, AT));
        first.add(declared);
        first.add(new Event.Declare(X, new Expr.Member("s.f", value(member), false), AT));
        first.add(new Event.Declare(X, value(declared), AT));
        first.add(pointer);
        first.add(indirect);
        first.terminate(new Terminator.Branch(new Expr.Binary("&&", new Expr.Not(value(tested)),
                new Expr.Choice(value(negated), value(chosen))), second, third));
        second.add(new Event.Read(X, AT));
        second.terminate(new Terminator.Switch(new Expr.Assign(X, value(selected)), List.of(), third));
        third.terminate(new Terminator.Return(AT, false, new Expr.Derived(value(returned))));
        first.add(derived);
        first.add(assigned);
        second.add(new Event.Write(new LValue(X, LValue.Access.DIRECT, "x"), new Expr.Derived(value(derived)), null, AT));
        second.add(new Event.Write(new LValue(X, LValue.Access.DIRECT, "x"), new Expr.Assign(X, value(assigned)), null, AT));

        FunctionBody body = new FunctionBody("t.c", "f", AT, true, List.of(), first, List.of(first, second, third),
                false, List.of());
        assertEquals(Set.of(argument, right, stored, throughPointer, declared, member, tested, negated, chosen, selected,
                returned, pointer, derived, assigned), CallValueUses.of(body));
    }

    @Test
    void aFunctionThatThrowsEveryResultAwayUsesNone() {
        CfgNode only = new CfgNode(0);
        only.add(call("a"));
        only.add(call("b", new Expr.VarRef(X), new Expr.AddressOf(X), new Expr.IntConst(0)));
        only.terminate(new Terminator.Return(AT, true, null));
        FunctionBody body = new FunctionBody("t.c", "f", AT, true, List.of(), only, List.of(only), false, List.of());
        assertEquals(Set.of(), CallValueUses.of(body));
    }
}
