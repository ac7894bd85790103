package io.github.vforklint.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Records whose {@code equals} and {@code hashCode} are written out give the answers the JDK's
 * own would give. The JDK makes a record's methods at run time from method handles, which Java
 * 25's ahead-of-time cache does not keep and the C1 compiler does not inline, so the hot ones
 * are written out (README, Speed); giving the same hash codes keeps every hash order, and so
 * every output, as it was. The JDK's methods here are made by the same bootstrap method the
 * compiler would have called, and compared on instances that differ in one component at a time.
 */
class RecordMethodsTest {

    /** Records that are equal by identity on purpose, not component by component. */
    private static final Set<String> BY_IDENTITY = Set.of(
            "io.github.vforklint.ir.Event$Call",
            "io.github.vforklint.ir.FunctionBody",
            "io.github.vforklint.analysis.MemoryObject$Var");

    private static final int DEPTH = 3;

    @TestFactory
    Stream<DynamicTest> writtenOutMethodsAnswerAsTheJdksWould() throws Exception {
        return recordsWithWrittenOutMethods().stream()
                .map(type -> DynamicTest.dynamicTest(type.getName(), () -> assertSameAnswers(type)));
    }

    @Test
    void theHotRecordsAreAmongThem() throws Exception {
        List<String> names = recordsWithWrittenOutMethods().stream().map(Class::getName).toList();
        assertTrue(names.contains("io.github.vforklint.finding.Location"), names::toString);
        assertTrue(names.contains("io.github.vforklint.source.WordSearch$Word"), names::toString);
    }

    /** From the sources: a compiled record always declares both methods, its own or the JDK's. */
    private static List<Class<?>> recordsWithWrittenOutMethods() throws IOException, ClassNotFoundException {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                CompilationUnit unit = parser.parse(file).getResult().orElseThrow();
                for (RecordDeclaration declaration : unit.findAll(RecordDeclaration.class)) {
                    boolean writesOut = declaration.getMethods().stream()
                            .anyMatch(m -> m.getNameAsString().equals("equals") && m.getParameters().size() == 1
                                    || m.getNameAsString().equals("hashCode") && m.getParameters().isEmpty());
                    String name = binaryName(unit, declaration);
                    if (writesOut && !BY_IDENTITY.contains(name)) {
                        records.add(Class.forName(name));
                    }
                }
            }
        }
        return records;
    }

    private static String binaryName(CompilationUnit unit, TypeDeclaration<?> type) {
        StringBuilder name = new StringBuilder(type.getNameAsString());
        for (Node parent = type.getParentNode().orElse(null); parent != null; parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof TypeDeclaration<?> outer) {
                name.insert(0, outer.getNameAsString() + "$");
            }
        }
        return unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("") + name;
    }

    private static void assertSameAnswers(Class<?> type) throws Throwable {
        MethodHandle jdkEquals = jdkMethod(type, "equals", MethodType.methodType(boolean.class, type, Object.class));
        MethodHandle jdkHash = jdkMethod(type, "hashCode", MethodType.methodType(int.class, type));
        List<Object> instances = variants(type, 0);
        assertTrue(instances.size() > type.getRecordComponents().length / 2,
                "too few instances could be made to compare: " + instances);
        List<Object> others = new ArrayList<>(instances);
        others.add(copyOf(instances.get(0)));
        others.add(null);
        others.add("not a record");
        for (Object a : instances) {
            assertEquals((int) jdkHash.invoke(a), a.hashCode(), () -> "hashCode of " + describe(a));
            for (Object b : others) {
                assertEquals((boolean) jdkEquals.invoke(a, b), a.equals(b),
                        () -> "equals of " + describe(a) + " and " + describe(b));
            }
        }
    }

    private static MethodHandle jdkMethod(Class<?> type, String name, MethodType signature) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        RecordComponent[] components = type.getRecordComponents();
        MethodHandle[] getters = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
            getters[i] = lookup.findGetter(type, components[i].getName(), components[i].getType());
        }
        String names = String.join(";", Arrays.stream(components).map(RecordComponent::getName).toList());
        CallSite site = (CallSite) ObjectMethods.bootstrap(lookup, name, signature, type, names, getters);
        return site.dynamicInvoker();
    }

    /** A first instance, then one for each other value a component can take, the rest kept. */
    private static List<Object> variants(Class<?> type, int depth) throws Throwable {
        RecordComponent[] components = type.getRecordComponents();
        List<List<Object>> values = new ArrayList<>();
        for (RecordComponent c : components) {
            values.add(valuesOf(c.getType(), depth));
        }
        Object[] first = values.stream().map(v -> v.get(0)).toArray();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        List<Object> made = new ArrayList<>();
        make(canonical, first, made);
        for (int i = 0; i < components.length; i++) {
            for (Object other : values.get(i).subList(1, values.get(i).size())) {
                Object[] arguments = first.clone();
                arguments[i] = other;
                make(canonical, arguments, made);
            }
        }
        return made;
    }

    private static void make(Constructor<?> constructor, Object[] arguments, List<Object> into) {
        try {
            into.add(constructor.newInstance(arguments));
        } catch (ReflectiveOperationException | RuntimeException refused) {
            // a compact constructor that rejects the combination: the other instances still compare
        }
    }

    private static Object copyOf(Object instance) throws Throwable {
        RecordComponent[] components = instance.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            accessor.setAccessible(true);
            arguments[i] = accessor.invoke(instance);
        }
        Constructor<?> canonical = instance.getClass().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        return canonical.newInstance(arguments);
    }

    /** Values of a component's type that tell its hash and equality apart: at least one, first the usual. */
    private static List<Object> valuesOf(Class<?> type, int depth) throws Throwable {
        if (type == int.class) {
            return List.of(1, 2, 70_000);
        }
        if (type == long.class) {
            return List.of(1L, 2L, 1L << 40, -5L);
        }
        if (type == boolean.class) {
            return List.of(false, true);
        }
        if (type == String.class || type == Object.class || type == CharSequence.class) {
            return Arrays.asList("a", "b", null);
        }
        if (type == Path.class) {
            return List.of(Path.of("a"), Path.of("b"));
        }
        if (type == Class.class) {
            return List.of(String.class, Integer.class);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return Arrays.asList(constants).subList(0, Math.min(3, constants.length));
        }
        if (SortedMap.class.isAssignableFrom(type) || type == Map.class) {
            return List.of(new TreeMap<>(), new TreeMap<>(Map.of("k", "v")));
        }
        if (type == Set.class) {
            return List.of(Set.of(), Set.of("x"));
        }
        if (type == List.class || type == Collection.class) {
            return List.of(List.of(), List.of("x"));
        }
        if (depth >= DEPTH) {
            return Arrays.asList((Object) null);
        }
        if (type.isRecord()) {
            List<Object> made = variants(type, depth + 1);
            return made.isEmpty() ? Arrays.asList((Object) null) : made.subList(0, Math.min(2, made.size()));
        }
        if (type.isSealed()) {
            List<Object> made = new ArrayList<>();
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                for (Object value : valuesOf(permitted, depth + 1)) {
                    if (value != null && made.size() < 2) {
                        made.add(value);
                    }
                }
            }
            return made.isEmpty() ? Arrays.asList((Object) null) : made;
        }
        if (type.isInterface()) {
            return List.of(identityProxy(type), identityProxy(type));
        }
        return constructed(type, depth);
    }

    /** A class with a constructor: made twice from its widest one, with its parameters' first and second values. */
    private static List<Object> constructed(Class<?> type, int depth) throws Throwable {
        if (Modifier.isAbstract(type.getModifiers())) {
            return Arrays.asList((Object) null);
        }
        Constructor<?> widest = Arrays.stream(type.getDeclaredConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount)).orElse(null);
        if (widest == null) {
            return Arrays.asList((Object) null);
        }
        widest.setAccessible(true);
        List<Object> made = new ArrayList<>();
        for (int pick = 0; pick < 2; pick++) {
            Object[] arguments = new Object[widest.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                List<Object> values = valuesOf(widest.getParameterTypes()[i], depth + 1);
                arguments[i] = values.get(Math.min(pick, values.size() - 1));
            }
            make(widest, arguments, made);
        }
        return made.isEmpty() ? Arrays.asList((Object) null) : made;
    }

    private static Object identityProxy(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) ->
                switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> type.getSimpleName() + "@" + System.identityHashCode(proxy);
                    default -> null;
                });
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + ":" + o;
    }
}
