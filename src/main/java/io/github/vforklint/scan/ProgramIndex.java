package io.github.vforklint.scan;

import io.github.vforklint.analysis.FunctionResolver;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.frontend.c.CFrontEnd;
import io.github.vforklint.frontend.c.CUnit;
import io.github.vforklint.ir.FunctionBody;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final CFrontEnd frontEnd;
    private final BuildSettings settings;
    private final DefinitionIndex definitions;
    private final Map<String, SoftReference<CUnit>> units = new ConcurrentHashMap<>();
    private final Map<Key, Optional<FunctionBody>> lowered = new ConcurrentHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    ProgramIndex(CFrontEnd frontEnd, BuildSettings settings, DefinitionIndex definitions) {
        this.frontEnd = frontEnd;
        this.settings = settings;
        this.definitions = definitions;
    }

    /** Makes a unit parsed for its own analysis available to lookups from other units. */
    void register(CUnit unit) {
        units.put(unit.path(), new SoftReference<>(unit));
    }

    @Override
    public Optional<FunctionBody> function(String name, FunctionBody caller) {
        Optional<FunctionBody> local = lowered(caller.unit(), name);
        if (local.isPresent()) {
            return local;
        }
        for (Path file : definitions.filesDefining(name)) {
            if (file.toString().equals(caller.unit())) {
                continue;
            }
            Optional<FunctionBody> found = lowered(file.toString(), name).filter(FunctionBody::exported);
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
        CUnit unit = unit(unitPath);
        Optional<FunctionBody> body = unit == null ? Optional.empty() : unit.function(name);
        Optional<FunctionBody> previous = lowered.putIfAbsent(key, body);
        return previous != null ? previous : body;
    }

    private CUnit unit(String path) {
        SoftReference<CUnit> ref = units.get(path);
        CUnit unit = ref == null ? null : ref.get();
        if (unit != null) {
            return unit;
        }
        try {
            unit = frontEnd.parse(Path.of(path), settings.forFile(Path.of(path)));
        } catch (Exception | StackOverflowError e) {
            synchronized (this) {
                diagnostics.add(new Diagnostic(path, 0, Diagnostic.Kind.INCOMPLETE,
                        "could not parse this file to follow the vfork child into it (" + e.getClass().getSimpleName() + ")"));
            }
            return null;
        }
        synchronized (this) {
            diagnostics.addAll(unit.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.INCOMPLETE).toList());
        }
        units.put(path, new SoftReference<>(unit));
        return unit;
    }
}
