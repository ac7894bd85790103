package io.github.vforklint.frontend.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.github.vforklint.analysis.jvm.InternalLaunchAccess;
import io.github.vforklint.analysis.jvm.NativeForkBinding;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * libc's fork family bound from Java, and the JDK's private launcher reached from Java:
 * <ul>
 *   <li>JNA: a method named fork/vfork/... in an interface extending {@code Library} (or one
 *       loaded with {@code Native.load}/{@code loadLibrary}), a {@code native} method of a class
 *       that calls {@code Native.register}, {@code NativeLibrary.getFunction("fork")};</li>
 *   <li>JNR-FFI: such a method in an interface loaded with {@code LibraryLoader.create};</li>
 *   <li>jnr-posix: {@code fork()} called on a {@code jnr.posix.POSIX};</li>
 *   <li>FFM: {@code SymbolLookup.find("fork")} (default, loader or library lookups);</li>
 *   <li>the JDK's {@code forkAndExec} or {@code launchMechanism} by reflection or method handle,
 *       and JNA/JNR bindings of {@code Java_java_lang_ProcessImpl_forkAndExec}.</li>
 * </ul>
 * The bindings found are then the fork sites whose children {@link ForkedChildWalker} follows.
 */
final class NativeForkInJava {

    static final Set<String> FORK_SYMBOLS = Set.of("fork", "vfork", "__fork", "__vfork", "clone", "__clone", "clone3");
    private static final Set<String> INTERNAL_LAUNCHERS = Set.of("Java_java_lang_ProcessImpl_forkAndExec",
            "Java_java_lang_UNIXProcess_forkAndExec");
    private static final Set<String> REFLECTIVE_METHOD_LOOKUPS = Set.of("getDeclaredMethod", "getMethod", "findVirtual",
            "findStatic", "findSpecial");

    /** A binding this scan found: the simple name of the interface or class that declares it, and the C symbol. */
    record Binding(String owner, String symbol) {
    }

    private NativeForkInJava() {
    }

    /** Interface and native-method bindings declared in this file. */
    static List<Binding> declaredBindings(JavaUnit unit, Observed out) {
        List<Binding> bindings = new java.util.ArrayList<>();
        boolean jna = unit.imports("com.sun.jna");
        boolean jnr = unit.imports("jnr.ffi");
        Set<String> loaded = loadedInterfaces(unit);
        for (ClassOrInterfaceDeclaration type : unit.cu().findAll(ClassOrInterfaceDeclaration.class)) {
            boolean library = type.isInterface() && (extendsLibrary(type) || loaded.contains(type.getNameAsString())
                    || (jna || jnr) && type.getMethods().stream().anyMatch(m -> FORK_SYMBOLS.contains(m.getNameAsString())));
            boolean registered = !type.isInterface() && type.findAll(MethodCallExpr.class).stream()
                    .anyMatch(c -> c.getNameAsString().equals("register") && c.getScope().map(Object::toString)
                            .filter(s -> s.equals("Native") || s.endsWith(".Native")).isPresent());
            if (!library && !registered) {
                continue;
            }
            String through = jnr ? "JNR-FFI" : "JNA";
            for (MethodDeclaration m : type.getMethods()) {
                if (registered && !m.isNative()) {
                    continue;
                }
                String name = m.getNameAsString();
                String owner = type.getNameAsString();
                if (FORK_SYMBOLS.contains(name)) {
                    out.observation(new NativeForkBinding(unit.location(m.getName()), name, through, owner + "." + name));
                    bindings.add(new Binding(owner, name));
                } else if (INTERNAL_LAUNCHERS.contains(name)) {
                    out.observation(new InternalLaunchAccess(unit.location(m.getName()), "ProcessImpl.forkAndExec", through));
                } else if (name.startsWith("exec") || name.equals("_exit") || name.equals("_Exit")) {
                    bindings.add(new Binding(owner, name));
                }
            }
        }
        return bindings;
    }

    /** Calls that bind or reach a fork symbol without a declaration of their own: jnr-posix, FFM, JNA lookups, reflection. */
    static void lookups(JavaUnit unit, Observed out) {
        boolean mentionsProcessImpl = unit.file().chars().contains("ProcessImpl") || unit.file().chars().contains("UNIXProcess");
        for (MethodCallExpr call : unit.cu().findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (FORK_SYMBOLS.contains(name) && call.getArguments().isEmpty() && call.getScope().isPresent()
                    && isJnrPosix(unit, call.getScope().get())) {
                out.observation(new NativeForkBinding(unit.location(call), name, "jnr-posix", "POSIX." + name));
            } else if (call.getArguments().size() == 1 && (name.equals("find") || name.equals("getFunction"))
                    && call.getArgument(0) instanceof StringLiteralExpr s && FORK_SYMBOLS.contains(s.asString())) {
                boolean ffm = name.equals("find") && call.getScope().map(Object::toString)
                        .filter(sc -> sc.contains("Lookup") || sc.contains("lookup")).isPresent();
                if (ffm || name.equals("getFunction")) {
                    out.observation(new NativeForkBinding(unit.location(s), s.asString(), ffm ? "the FFM API" : "JNA",
                            (ffm ? "SymbolLookup.find" : "getFunction") + "(\"" + s.asString() + "\")"));
                }
            } else if (name.equals("getFunction") && call.getArguments().size() == 2
                    && call.getArgument(1) instanceof StringLiteralExpr s && FORK_SYMBOLS.contains(s.asString())) {
                out.observation(new NativeForkBinding(unit.location(s), s.asString(), "JNA",
                        "Function.getFunction(\"" + s.asString() + "\")"));
            } else if (mentionsProcessImpl && !call.getArguments().isEmpty() && (REFLECTIVE_METHOD_LOOKUPS.contains(name)
                    || name.equals("getDeclaredField"))) {
                // Only these calls are folded: folding every argument of a file resolves every name in it.
                Optional<String> first = ConstantFolder.fold(call.getArgument(0), unit.names());
                if (REFLECTIVE_METHOD_LOOKUPS.contains(name) && first.filter("forkAndExec"::equals).isPresent()) {
                    out.observation(new InternalLaunchAccess(unit.location(call), "ProcessImpl.forkAndExec",
                            name.startsWith("find") ? "a method handle" : "reflection"));
                } else if (name.equals("getDeclaredField") && first.filter("launchMechanism"::equals).isPresent()) {
                    out.observation(new InternalLaunchAccess(unit.location(call), "ProcessImpl.launchMechanism", "reflection"));
                } else if ((name.equals("findVirtual") || name.equals("findStatic") || name.equals("findSpecial"))
                        && call.getArguments().size() >= 2) {
                    Optional<String> second = ConstantFolder.fold(call.getArgument(1), unit.names());
                    if (second.filter("forkAndExec"::equals).isPresent()) {
                        out.observation(new InternalLaunchAccess(unit.location(call), "ProcessImpl.forkAndExec",
                                "a method handle"));
                    }
                }
            }
        }
    }

    private static boolean extendsLibrary(ClassOrInterfaceDeclaration type) {
        for (ClassOrInterfaceType t : type.getExtendedTypes()) {
            String n = t.getNameAsString();
            if (n.equals("Library") || n.equals("StdCallLibrary") || n.endsWith("jna.Library")) {
                return true;
            }
        }
        return false;
    }

    /** Interfaces passed as X.class to Native.load, Native.loadLibrary or LibraryLoader.create in this file. */
    private static Set<String> loadedInterfaces(JavaUnit unit) {
        Set<String> names = new HashSet<>();
        for (MethodCallExpr c : unit.cu().findAll(MethodCallExpr.class)) {
            String n = c.getNameAsString();
            if (n.equals("load") || n.equals("loadLibrary") || n.equals("create") || n.equals("library")) {
                for (Expression a : c.getArguments()) {
                    if (a instanceof ClassExpr k) {
                        names.add(k.getType().asString().replaceFirst(".*\\.", ""));
                    }
                }
            }
        }
        return names;
    }

    /** The receiver is a jnr.posix.POSIX: declared so, or made by POSIXFactory.getPOSIX(). */
    static boolean isJnrPosix(JavaUnit unit, Expression receiver) {
        if (receiver instanceof MethodCallExpr m) {
            if (m.getNameAsString().equals("getPOSIX") || m.getNameAsString().equals("getNativePOSIX")) {
                return true;
            }
            // Resolving a call is costly: only one whose name says it hands out a POSIX is worth it (runtime.getPosix()).
            if (!m.getNameAsString().toLowerCase(java.util.Locale.ROOT).contains("posix")) {
                return false;
            }
            Optional<String> type = returnTypeOf(m);
            return type.filter(t -> t.equals("POSIX") || t.equals("jnr.posix.POSIX")).isPresent();
        }
        if (!unit.file().chars().contains("POSIX")) {
            return false;
        }
        return declaredType(unit, receiver).filter(t -> t.equals("jnr.posix.POSIX")
                || t.equals("POSIX") && (unit.imports("jnr.posix") || unit.file().chars().contains("jnr.posix"))).isPresent();
    }

    /**
     * The type a variable, parameter or field was declared with, as written. A constant that a
     * static import brings from a binding interface (akuma's {@code import static ...CLibrary.LIBC})
     * has that interface's type when its declaration says so.
     */
    static Optional<String> declaredType(JavaUnit unit, Expression e) {
        if (!(e instanceof NameExpr) && !(e instanceof FieldAccessExpr)) {
            return Optional.empty();
        }
        return unit.names().declaration(e).map(node -> {
            if (node instanceof Parameter p) {
                return p.getType();
            }
            if (node instanceof VariableDeclarator v) {
                return v.getType();
            }
            return null;
        }).map(Type::asString);
    }

    private static Optional<String> returnTypeOf(MethodCallExpr m) {
        try {
            return m.resolve().toAst().filter(n -> n instanceof MethodDeclaration)
                    .map(n -> ((MethodDeclaration) n).getType().asString());
        } catch (RuntimeException | StackOverflowError unresolved) {
            return Optional.empty();
        }
    }
}
