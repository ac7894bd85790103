package io.github.vforklint.frontend.c;

import io.github.vforklint.ir.CfgNode;
import io.github.vforklint.ir.Event;
import io.github.vforklint.ir.Expr;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.ir.LValue;
import io.github.vforklint.ir.Terminator;
import io.github.vforklint.ir.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CFG built from real C parsed by CDT. */
class FunctionLoweringTest {

    @TempDir
    Path dir;

    private FunctionBody lower(String code, String function) throws Exception {
        Path file = dir.resolve("t.c");
        Files.writeString(file, code);
        CUnit unit = new CParser(p -> Path.of(p).getFileName().toString()).parse(file, ParseSettings.defaults());
        return unit.function(function).orElseThrow();
    }

    private static <T> List<T> all(FunctionBody body, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (CfgNode node : body.nodes()) {
            for (Event e : node.events()) {
                if (type.isInstance(e)) {
                    found.add(type.cast(e));
                }
            }
            if (type.isInstance(node.terminator())) {
                found.add(type.cast(node.terminator()));
            }
        }
        return found;
    }

    @Test
    void shortCircuitConditionsBecomeBranchChains() throws Exception {
        FunctionBody f = lower("int a(void); int b(void); void x(void);\n"
                + "void f(void) { if (a() && b()) x(); }\n", "f");
        List<Terminator.Branch> branches = all(f, Terminator.Branch.class);
        assertEquals(2, branches.size(), "one branch per operand of &&");
        CfgNode right = branches.stream().filter(b -> b.whenTrue().events().stream()
                .anyMatch(e -> e instanceof Event.Call c && "b".equals(c.callee()))).findFirst().orElseThrow().whenTrue();
        assertTrue(right.events().stream().anyMatch(e -> e instanceof Event.Call c && "b".equals(c.callee())),
                "b() is only evaluated on the edge where a() was true");
    }

    @Test
    void switchCasesAreFoldedConstants() throws Exception {
        FunctionBody f = lower("int vfork(void); void g(void);\n"
                + "void f(void) { switch (vfork()) { case 0: g(); break; case (int)-1: return; default: ; } }\n", "f");
        Terminator.Switch sw = all(f, Terminator.Switch.class).get(0);
        assertEquals(List.of(0L, -1L), sw.cases().stream().map(Terminator.Case::value).toList());
        assertInstanceOf(Expr.CallValue.class, sw.selector());
    }

    @Test
    void implicitReturnIsAtTheClosingBrace() throws Exception {
        FunctionBody f = lower("void f(void)\n{\n    int x = 1;\n}\n", "f");
        Terminator.Return ret = all(f, Terminator.Return.class).stream().filter(Terminator.Return::implicit).findFirst().orElseThrow();
        assertEquals(4, ret.location().line());
        assertEquals(1, ret.location().column());
    }

    @Test
    void writesKnowTheirBaseAndAccess() throws Exception {
        FunctionBody f = lower("struct s { int v; }; int g;\n"
                + "void f(int *p, struct s *q) { int a[2]; struct s loc; g = 1; *p = 2; a[1] = 3; q->v = 4; loc.v = 5; p[0] = 6; }\n", "f");
        List<String> writes = all(f, Event.Write.class).stream()
                .map(w -> w.target().base() + ":" + w.target().access()).toList();
        assertEquals(List.of("g:DIRECT", "p:THROUGH_POINTER", "a:WITHIN", "q:THROUGH_POINTER", "loc:WITHIN",
                "p:THROUGH_POINTER"), writes);
        Variable g = all(f, Event.Write.class).get(0).target().base();
        assertEquals(Variable.Storage.GLOBAL, g.storage());
        assertEquals(LValue.Access.DIRECT, all(f, Event.Write.class).get(0).target().access());
    }

    @Test
    void gotoAndLabelsConnect() throws Exception {
        FunctionBody f = lower("void g(void);\nvoid f(int c) { if (c) goto out; g(); out: return; }\n", "f");
        long returns = all(f, Terminator.Return.class).stream().filter(r -> !r.implicit()).count();
        assertEquals(1, returns);
        CfgNode label = all(f, Terminator.Jump.class).stream().map(Terminator.Jump::target)
                .filter(n -> n.terminator() instanceof Terminator.Return r && !r.implicit()).findFirst().orElseThrow();
        assertTrue(label.events().isEmpty());
    }

    @Test
    void statementExpressionsYieldTheirLastValue() throws Exception {
        FunctionBody f = lower("int vfork(void);\nvoid f(void) { int pid = ({ int p_ = vfork(); p_; }); }\n", "f");
        Event.Declare pid = all(f, Event.Declare.class).stream().filter(d -> d.variable().name().equals("pid")).findFirst().orElseThrow();
        assertInstanceOf(Expr.VarRef.class, pid.initialValue());
        assertEquals("p_", ((Expr.VarRef) pid.initialValue()).variable().name());
    }

    @Test
    void macroExpandedCallsPointAtTheMacroUse() throws Exception {
        FunctionBody f = lower("#include <stdio.h>\n#define LOG(m) printf(\"%s\", m)\nvoid f(void) {\n    LOG(\"x\");\n}\n", "f");
        Event.Call call = all(f, Event.Call.class).get(0);
        assertEquals("printf", call.callee());
        assertEquals(4, call.location().line());
        assertEquals(5, call.location().column());
        assertEquals("LOG", call.location().macro());
    }
}
