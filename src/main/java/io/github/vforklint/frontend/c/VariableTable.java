package io.github.vforklint.frontend.c;

import io.github.vforklint.finding.Location;
import io.github.vforklint.ir.Variable;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IParameter;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IVariable;

import java.util.HashMap;
import java.util.Map;

/** One {@link Variable} per resolved CDT binding, so every use of a name shares the declaration's identity. */
final class VariableTable {

    private final Map<IBinding, Variable> variables = new HashMap<>();

    Variable of(IVariable binding, Location seenAt) {
        return variables.computeIfAbsent(binding, b -> new Variable(b.getName(), storage(binding), shape(binding), seenAt));
    }

    private static Variable.Storage storage(IVariable v) {
        if (v instanceof IParameter) {
            return Variable.Storage.PARAMETER;
        }
        boolean insideFunction;
        try {
            insideFunction = v.getOwner() instanceof IFunction;
        } catch (RuntimeException e) {
            insideFunction = false;
        }
        if (v.isStatic()) {
            return Variable.Storage.STATIC;
        }
        return insideFunction && !v.isExtern() ? Variable.Storage.LOCAL : Variable.Storage.GLOBAL;
    }

    private static Variable.Shape shape(IVariable v) {
        IType type = unwrap(v.getType());
        if (type instanceof IArrayType) {
            // An array parameter is a pointer in disguise: the storage belongs to the caller.
            return v instanceof IParameter ? Variable.Shape.POINTER : Variable.Shape.ARRAY;
        }
        if (type instanceof IPointerType) {
            return Variable.Shape.POINTER;
        }
        if (type instanceof ICompositeType) {
            return Variable.Shape.AGGREGATE;
        }
        return Variable.Shape.SCALAR;
    }

    static IType unwrap(IType type) {
        IType t = type;
        for (int guard = 0; guard < 32 && t != null; guard++) {
            if (t instanceof ITypedef typedef) {
                t = typedef.getType();
            } else if (t instanceof IQualifierType qualified) {
                t = qualified.getType();
            } else {
                return t;
            }
        }
        return t;
    }
}
