package io.github.vforklint.frontend.c;

import io.github.vforklint.analysis.FunctionResolver;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.frontend.c.CUnit;
import io.github.vforklint.ir.FunctionBody;
import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceTree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every function definition of the scanned tree, found on demand: a name is looked up in the
 * caller's own translation unit first (its static functions), then among the exported
 * definitions of the other files, which are parsed when first needed. Parsed units are held
 * softly, so the JVM can drop their ASTs under memory pressure; lowered functions are kept, so
 * each is lowered, and summarised, once per scan.
 */
final class ProgramIndex implements FunctionResolver {

    private record Key(String unit, String name) {
    }

    private static final int UNITS_KEPT = 48;

    private final CParser frontEnd;
    private final BuildSettings settings;
    private final SourceTree tree;
    /**
     * Parsed units, the most recently used kept: a unit holds its whole syntax tree, so keeping
     * every unit a scan parses (or holding them softly, which a large heap never clears) makes
     * memory grow with the tree. Lowered functions outlive their unit in {@link #lowered}.
     */
    private final Map<String, CUnit> units = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<Key, Optional<FunctionBody>> lowered = new ConcurrentHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    ProgramIndex(CParser frontEnd, BuildSettings settings, SourceTree tree) {
        this.frontEnd = frontEnd;
        this.settings = settings;
        this.tree = tree;
    }

    /**
     * The parsed unit of a file, parsed once per scan while it is held: a file analysed in a
     * later wrapper round, or asked for by two threads, gets the same unit and so the same
     * lowered functions and variables.
     *
     * @throws Exception whatever parsing the file threw
     */
    CUnit unit(Path file) throws Exception {
        String path = file.toAbsolutePath().normalize().toString();
        synchronized (lockFor(path)) {
            CUnit unit;
            synchronized (units) {
                unit = units.get(path);
            }
            if (unit == null) {
                unit = frontEnd.parse(Path.of(path), settings.forFile(Path.of(path)));
                synchronized (units) {
                    units.put(path, unit);
                    Iterator<String> oldest = units.keySet().iterator();
                    while (units.size() > UNITS_KEPT && oldest.hasNext()) {
                        oldest.next();
                        oldest.remove();
                    }
                }
            }
            return unit;
        }
    }

    private Object lockFor(String path) {
        return locks.computeIfAbsent(path, p -> new Object());
    }

    @Override
    public Optional<FunctionBody> function(String name, FunctionBody caller) {
        Optional<FunctionBody> local = lowered(caller.unit(), name);
        if (local.isPresent()) {
            return local;
        }
        for (SourceFile file : tree.mayDefine(name)) {
            if (!CFrontEnd.isC(file.path()) || file.path().toString().equals(caller.unit())) {
                continue;
            }
            Optional<FunctionBody> found = lowered(file.path().toString(), name).filter(FunctionBody::exported);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Diagnostics of the files parsed only to find helpers. */
    synchronized List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    private Optional<FunctionBody> lowered(String unitPath, String name) {
        Key key = new Key(unitPath, name);
        Optional<FunctionBody> done = lowered.get(key);
        if (done != null) {
            return done;
        }
        CUnit unit = helperUnit(unitPath);
        Optional<FunctionBody> body = unit == null ? Optional.empty() : unit.function(name);
        Optional<FunctionBody> previous = lowered.putIfAbsent(key, body);
        return previous != null ? previous : body;
    }

    /** A helper's unit; its problems become diagnostics, since the child's analysis depends on it. */
    private CUnit helperUnit(String path) {
        boolean parsedNow;
        synchronized (units) {
            parsedNow = !units.containsKey(path);
        }
        CUnit unit;
        try {
            unit = unit(Path.of(path));
        } catch (Exception | StackOverflowError e) {
            synchronized (this) {
                diagnostics.add(new Diagnostic(frontEnd.displayPath(path), 0, Diagnostic.Kind.INCOMPLETE,
                        "could not parse this file to follow the vfork child into it (" + e.getClass().getSimpleName() + ")"));
            }
            return null;
        }
        if (parsedNow) {
            synchronized (this) {
                diagnostics.addAll(unit.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.INCOMPLETE).toList());
            }
        }
        return unit;
    }
}
