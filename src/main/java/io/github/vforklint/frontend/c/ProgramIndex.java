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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        // the JDK's equals and hashCode, written out: its own are made at run time (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(unit, other.unit)
                    && Objects.equals(name, other.name);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(unit) + Objects.hashCode(name);
        }
    }

    /**
     * A function as lowered from its unit, with what did not parse of it and what its unit left
     * out: said whenever the analysis follows a child there, whether the function was lowered at
     * its asking or before its unit was let go (which of the two depends on the threads).
     */
    private record Lowered(Optional<FunctionBody> body, List<Diagnostic> problems) {
        static final Lowered NONE = new Lowered(Optional.empty(), List.of());
    }

    /**
     * Units kept at most, whatever their size: each young collection copies the kept trees again,
     * and busybox's small units fit sixteen in the budget below. Eight: busybox -I include 0.983
     * of the time (20 pairs; collections pause 70 ms instead of 87, for one parse more), CPython
     * 0.994 and the kernel tree 1.006, whose larger units the character budget already bounds.
     */
    private static final int UNITS_KEPT = 8;

    /**
     * Characters of source (the file and every header it read) the kept units may have been
     * parsed from: a unit's syntax tree grows with them, and a CPython file reads 750,000
     * characters of headers where a busybox file reads 130,000. Measured on the kernel tree:
     * 16 M characters kept 755 MB peak RSS, 4 M 433 MB (with the 100-header budget), and
     * busybox, CPython and Emacs found the same.
     */
    private static final long UNIT_CHARS_KEPT = 4L << 20;

    private final CParser frontEnd;
    private final BuildSettings settings;
    private final SourceTree tree;
    /**
     * Parsed units, the most recently used kept: a unit holds its whole syntax tree, so keeping
     * every unit a scan parses (or holding them softly, which a large heap never clears) makes
     * memory grow with the tree. Lowered functions outlive their unit in {@link #lowered}.
     */
    private final Map<String, CUnit> units = new LinkedHashMap<>(16, 0.75f, true);
    private long keptChars;
    private final Set<String> called = ConcurrentHashMap.newKeySet();
    /** Files a helper was looked for in: {@link #lowerWhatMayBeAskedFor} lowers all of a small one. */
    private final Set<String> askedForHelpers = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> unitFiles = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<Key, Lowered> lowered = new ConcurrentHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Projects projects = new Projects();
    private final Map<String, MacroRecovery.Fixes> recoveries = new ConcurrentHashMap<>();
    /** The fixes of each file's own unit ({@link #ownUnit}), for its configurations. */
    private final Map<String, MacroRecovery.Fixes> ownRecoveries = new ConcurrentHashMap<>();
    private final Set<String> inTreeIncludes = ConcurrentHashMap.newKeySet();
    private final Set<String> missingIncludes = ConcurrentHashMap.newKeySet();

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
                MacroRecovery.Fixes known = recoveries.get(path);
                unit = known == null ? frontEnd.parse(Path.of(path), settings.forFile(Path.of(path)))
                        : frontEnd.parse(Path.of(path), settings.forFile(Path.of(path)), known.shaping());
                counted(unit);
                keep(path, unit);
            }
            return unit;
        }
    }

    /**
     * The unit of a file, read through its unknown macros ({@link MacroRecovery}) wherever it did
     * not parse. Always, not only where a vfork child goes: which file's analysis asks first must
     * not decide how a file is read (a helper lowered from the plain parse in one run and from the
     * recovered one in the next would make the output depend on -j). Measured: busybox +5 %,
     * Emacs +12 % CPU, the same findings.
     */
    CUnit recoveredUnit(Path file) throws Exception {
        String path = file.toAbsolutePath().normalize().toString();
        synchronized (lockFor(path)) {
            CUnit unit = unit(Path.of(path));
            if (recoveries.containsKey(path) || unit.problemCount() == 0) {
                return unit;
            }
            Recovered recovered = recovered(Path.of(path), unit, BodySelection.ALL);
            recoveries.put(path, recovered.fixes());
            CUnit better = recovered.unit();
            if (better != unit) {
                counted(better);
                keep(path, better);
            }
            return better;
        }
    }

    /**
     * A file's unit for its own vfork analysis: only the bodies that analysis can reach are read
     * ({@link BodySelection}), and the unit is recovered through unknown macros as {@link
     * #recoveredUnit} is. Never shared: a helper another file asks for comes from a whole parse
     * ({@link #unit}), so which analysis asks first never decides what a parse read. The fixes
     * found serve this file's other configurations ({@link #configured}).
     */
    CUnit ownUnit(Path file, BodySelection selection) throws Exception {
        Path path = file.toAbsolutePath().normalize();
        CUnit unit = frontEnd.parse(path, settings.forFile(path), CParser.Shaping.NONE, selection);
        counted(unit);
        Recovered recovered = recovered(path, unit, selection);
        ownRecoveries.put(path.toString(), recovered.fixes());
        if (recovered.unit() != unit) {
            counted(recovered.unit());
        }
        return recovered.unit();
    }

    private void keep(String path, CUnit unit) {
        Set<String> read = new java.util.HashSet<>(unit.preprocessor().headers());
        read.add(path);
        unitFiles.put(path, Set.copyOf(read));
        List<CUnit> evicted = new ArrayList<>();
        synchronized (units) {
            CUnit before = units.put(path, unit);
            keptChars += unit.parsedChars() - (before == null ? 0 : before.parsedChars());
            Iterator<Map.Entry<String, CUnit>> oldest = units.entrySet().iterator();
            while ((units.size() > UNITS_KEPT || keptChars > UNIT_CHARS_KEPT) && units.size() > 1 && oldest.hasNext()) {
                Map.Entry<String, CUnit> e = oldest.next();
                if (e.getKey().equals(path)) {
                    continue;
                }
                keptChars -= e.getValue().parsedChars();
                evicted.add(e.getValue());
                oldest.remove();
            }
        }
        evicted.forEach(this::lowerWhatMayBeAskedFor);
    }

    /**
     * Before a unit is let go, its functions that some lowered function calls are lowered: the
     * analysis asks for helpers one at a time, and a unit parsed again for each would cost more
     * than the lowered bodies, which keep no syntax tree, weigh.
     */
    private void lowerWhatMayBeAskedFor(CUnit unit) {
        Set<String> own = unit.functionSpans().keySet();
        boolean library = own.size() <= SMALL_FILE_FUNCTIONS && askedForHelpers.contains(unit.path());
        for (String name : unit.definedFunctions()) {
            Key key = new Key(unit.path(), name);
            if ((called.contains(name) || library && own.contains(name)) && !lowered.containsKey(key)) {
                try {
                    lowered.putIfAbsent(key, new Lowered(unit.function(name), problemsOf(unit, name)));
                } catch (RuntimeException | StackOverflowError e) {
                    // lowered again, and reported, if the analysis asks for it
                }
            }
        }
    }

    /**
     * A file defining this few functions, asked for a helper before, has all of them lowered when
     * its unit is let go: a library file (busybox's libbb/xfuncs.c) is asked for one helper by one
     * child, another by the next, and lowering costs less than parsing again. Not every small
     * file: on busybox, 460 functions of the applets' own files were lowered so and 3 were asked for.
     */
    private static final int SMALL_FILE_FUNCTIONS = 64;

    /** Records the names a lowered body calls, for {@link #lowerWhatMayBeAskedFor}. */
    private void noteCallees(Optional<FunctionBody> body) {
        body.ifPresent(b -> b.nodes().forEach(n -> n.events().forEach(e -> {
            if (e instanceof io.github.vforklint.ir.Event.Call c && c.callee() != null) {
                called.add(c.callee());
            }
        })));
    }

    /**
     * The file parsed under a configuration other than the default: a new parse each time it is
     * asked for (a file is analysed under each of its configurations once per wrapper round).
     */
    CUnit configured(Path file, Configuration configuration, java.util.function.Predicate<CUnit> recoverIf,
                     BodySelection selection) throws Exception {
        Path path = file.toAbsolutePath().normalize();
        MacroRecovery.Fixes fixes = ownRecoveries.getOrDefault(path.toString(), MacroRecovery.Fixes.NONE);
        CUnit unit = parseConfigured(path, configuration, fixes, selection);
        if (unit.problemCount() > 0 && recoverIf.test(unit)) {
            // the configuration brings in code the default parse never saw, with macros of its own
            MacroRecovery.Fixes more = fixes.with(fixesFor(unit));
            if (!more.equals(fixes)) {
                CUnit retried = parseConfigured(path, configuration, more, selection);
                unit = readAlike(unit, retried, () -> parseConfigured(path, configuration, fixes, selection));
                if (retried.problemCount() < unit.problemCount()) {
                    unit = retried;
                }
            }
        }
        counted(unit);
        return unit;
    }

    private CUnit parseConfigured(Path path, Configuration configuration, MacroRecovery.Fixes fixes,
                                  BodySelection selection) throws Exception {
        Map<String, String> defines = new java.util.TreeMap<>(fixes.defines());
        defines.putAll(configuration.defines());
        return frontEnd.parse(path, settings.forFile(path), new CParser.Shaping(configuration.pins().keySet(),
                defines, configuration.undefines(), fixes.rewrites()), selection);
    }

    /**
     * Resolves helpers as {@link #function} does, but a caller lowered from {@code local} finds its
     * static helpers there. By identity, not by path: a configured parse of a file shares its path
     * with the default parse, whose bodies (and their summaries, shared by the whole scan) must not
     * resolve into the configured one.
     */
    FunctionResolver within(CUnit local) {
        return (name, caller) -> {
            if (local.owns(caller) && local.leftOut(name)) {
                // The selection's reach is by name; should the analysis get to a body another way,
                // the file's whole parse serves it rather than nothing.
                return lowered(local.path(), name);
            }
            if (local.owns(caller)) {
                Optional<FunctionBody> mine = local.function(name);
                return mine.isPresent() ? mine : elsewhere(name, caller);
            }
            return function(name, caller);
        };
    }

    /**
     * The parse to compare {@code retried} with by their problems: {@code earlier}, or, when only
     * the retry could not read a body late and so read every body, {@code earlier}'s file read
     * again the same way (the selection now reads it whole): a whole parse counts the problems of
     * bodies a selective one skips.
     */
    private static CUnit readAlike(CUnit earlier, CUnit retried, java.util.concurrent.Callable<CUnit> again)
            throws Exception {
        return retried.readWhole() == earlier.readWhole() ? earlier : again.call();
    }

    /** A unit read through its unknown macros, and the guesses that did it. */
    private record Recovered(CUnit unit, MacroRecovery.Fixes fixes) {
    }

    /** Rounds of macro recovery: fixing some macros can expose others behind them. */
    private static final int RECOVERY_ROUNDS = 2;

    /**
     * Parses a file; where code did not parse, guesses the unknown macros as {@link MacroRecovery}
     * reads them and parses again, keeping the guesses when fewer places fail. The guesses are
     * returned with the unit, for the file's other configurations.
     */
    private Recovered recovered(Path file, CUnit plain, BodySelection selection) throws Exception {
        ParseSettings base = settings.forFile(file);
        CUnit unit = plain;
        MacroRecovery.Fixes kept = MacroRecovery.Fixes.NONE;
        for (int round = 0; round < RECOVERY_ROUNDS && unit.problemCount() > 0; round++) {
            MacroRecovery.Fixes fixes = fixesFor(unit);
            MacroRecovery.Fixes together = kept.with(fixes);
            if (together.equals(kept)) {
                break;
            }
            CUnit retried = frontEnd.parse(file, base, together.shaping(), selection);
            CParser.Shaping before = kept.shaping();
            unit = readAlike(unit, retried, () -> frontEnd.parse(file, base, before, selection));
            if (retried.problemCount() >= unit.problemCount()) {
                break;
            }
            unit = retried;
            kept = together;
        }
        return new Recovered(unit, kept);
    }

    /**
     * How to read the unit's file through its unknown macros, and then its headers: what the file
     * itself says of a macro wins, and only the file is rewritten in place. The headers only ride
     * along with a parse the file's own fixes call for: busybox files whose unparsed code no guess
     * mends would otherwise be parsed again for libbb.h alone, and the parse thrown away.
     */
    private MacroRecovery.Fixes fixesFor(CUnit unit) {
        Set<String> known = unit.knownNames();
        Condition.Macros expansions = unit.macroExpansions();
        MacroRecovery.Fixes fixes = MacroRecovery.of(frontEnd.files().get(unit.path()).chars(), unit.unparsedRegions(),
                known, expansions);
        if (fixes.defines().isEmpty() && fixes.rewrites().isEmpty()) {
            return fixes;
        }
        for (Map.Entry<String, List<MacroRecovery.Region>> header : unit.unparsedHeaderRegions().entrySet()) {
            char[] text;
            try {
                text = frontEnd.files().get(header.getKey()).chars();
            } catch (java.io.UncheckedIOException e) {
                continue; // a header that cannot be read again is only not mended
            }
            MacroRecovery.Fixes there = MacroRecovery.of(text, header.getValue(), known, expansions);
            fixes = fixes.with(new MacroRecovery.Fixes(there.defines(), List.of()));
        }
        return fixes;
    }

    /**
     * The files that may define {@code name}. The first question reads the whole tree for the
     * definition index, on whichever file's thread asks first: that time is the scan's, not the
     * file's, and so is the time the others wait for it.
     */
    private List<SourceFile> mayDefine(String name) {
        return FileDeadline.current().notCounting(() -> tree.mayDefine(name));
    }

    private Object lockFor(String path) {
        return locks.computeIfAbsent(path, p -> new Object());
    }

    /**
     * The definition of {@code name} nearest the caller: its own unit, then its folder, then the
     * rest of its project, the definitions sharing the longest folder prefix with it first; never
     * one in another project. Two equally near definitions are a diagnostic, and neither is taken.
     */
    @Override
    public Optional<FunctionBody> function(String name, FunctionBody caller) {
        Optional<FunctionBody> local = lowered(caller.unit(), name);
        return local.isPresent() ? local : elsewhere(name, caller);
    }

    /** The nearest definition of {@code name} outside the caller's own unit. */
    private Optional<FunctionBody> elsewhere(String name, FunctionBody caller) {
        Path from = Path.of(caller.unit());
        Optional<Path> project = projects.rootOf(from);
        java.util.TreeMap<Integer, List<SourceFile>> byDistance = new java.util.TreeMap<>();
        for (SourceFile file : mayDefine(name)) {
            if (!CFrontEnd.isC(file.path()) || file.path().equals(from)) {
                continue;
            }
            if (project.isPresent() && !project.equals(projects.rootOf(file.path()))) {
                continue;
            }
            int distance = file.path().getParent().equals(from.getParent()) ? 0
                    : 1 + Math.max(0, 1000 - TreeIncludes.sharedFolders(file.path(), from.getParent()));
            byDistance.computeIfAbsent(distance, k -> new ArrayList<>()).add(file);
        }
        for (List<SourceFile> equallyNear : byDistance.values()) {
            List<FunctionBody> found = new ArrayList<>();
            for (SourceFile file : equallyNear) {
                lowered(file.path().toString(), name).filter(FunctionBody::exported).ifPresent(found::add);
            }
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
            if (found.size() > 1) {
                ambiguous(name, caller, found);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether some C file of the tree appears to define a function of this name. */
    boolean definedSomewhere(String name) {
        return mayDefine(name).stream().anyMatch(f -> CFrontEnd.isC(f.path()));
    }

    TextFacts facts() {
        return frontEnd.facts();
    }

    String displayPath(String absolutePath) {
        return frontEnd.displayPath(absolutePath);
    }

    /** Counts the unit's includes for {@link #includeSummary()}. */
    void counted(CUnit unit) {
        inTreeIncludes.addAll(unit.inTreeIncludes());
        missingIncludes.addAll(unit.missingIncludes());
    }

    /** How many include directives only the scanned tree resolved, and how many nothing resolved. */
    Optional<Diagnostic> includeSummary() {
        if (inTreeIncludes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Diagnostic(".", 0, Diagnostic.Kind.INFO, inTreeIncludes.size() + " #include directive"
                + (inTreeIncludes.size() == 1 ? " was" : "s were") + " resolved by finding the header in the scanned tree (no -I for it); "
                + missingIncludes.size() + " \"...\" include" + (missingIncludes.size() == 1 ? "" : "s") + " stayed unresolved"));
    }

    private void ambiguous(String name, FunctionBody caller, List<FunctionBody> found) {
        String where = String.join(", ", found.stream().map(b -> b.location().path()).sorted().toList());
        Diagnostic d = new Diagnostic(caller.location().path(), caller.location().line(), Diagnostic.Kind.INCOMPLETE,
                name + "() is defined in " + found.size() + " files equally near " + caller.name() + "() (" + where
                        + "): vforklint does not guess which one the build links, so the child is not followed into it");
        synchronized (this) {
            if (!diagnostics.contains(d)) {
                diagnostics.add(d);
            }
        }
    }

    /** Diagnostics of the files parsed only to find helpers. */
    synchronized List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    private Optional<FunctionBody> lowered(String unitPath, String name) {
        Key key = new Key(unitPath, name);
        Lowered done = lowered.get(key);
        if (done == null) {
            done = cannotDefine(unitPath, name) ? Lowered.NONE : helper(unitPath, name);
            Lowered previous = lowered.putIfAbsent(key, done);
            done = previous != null ? previous : done;
        }
        done.problems().forEach(this::report);
        return done.body();
    }

    /**
     * Whether a unit parsed before (and let go since) cannot define {@code name}: neither its file
     * nor any header it read appears to. Saves parsing it again to look for every name its
     * functions call.
     */
    private boolean cannotDefine(String unitPath, String name) {
        Set<String> read = unitFiles.get(unitPath);
        if (read == null) {
            return false;
        }
        synchronized (units) {
            if (units.containsKey(unitPath)) {
                return false;
            }
        }
        for (SourceFile f : mayDefine(name)) {
            if (read.contains(f.path().toString())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A helper, lowered from its unit read through its unknown macros when the helper did not
     * parse; what still did not parse of it is a diagnostic, since the child's analysis depends on it.
     */
    private Lowered helper(String path, String function) {
        askedForHelpers.add(path);
        CUnit unit;
        try {
            unit = recoveredUnit(Path.of(path));
        } catch (FileDeadline.Expired e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            return new Lowered(Optional.empty(), List.of(new Diagnostic(frontEnd.displayPath(path), 0, Diagnostic.Kind.INCOMPLETE,
                    "could not parse this file to follow the vfork child into it (" + e.getClass().getSimpleName() + ")")));
        }
        List<Diagnostic> problems = problemsOf(unit, function);
        Optional<FunctionBody> body;
        try {
            body = unit.function(function);
        } catch (RuntimeException | StackOverflowError e) {
            problems.forEach(this::report);
            throw e;
        }
        noteCallees(body);
        return new Lowered(body, problems);
    }

    /** What did not parse of a function of the unit, and what the unit's parse left out. */
    private static List<Diagnostic> problemsOf(CUnit unit, String function) {
        List<Diagnostic> problems = new ArrayList<>(unit.problemsOf(function));
        problems.addAll(unit.cuts());
        return List.copyOf(problems);
    }

    private synchronized void report(Diagnostic d) {
        if (!diagnostics.contains(d)) {
            diagnostics.add(d);
        }
    }
}
