package io.github.vforklint.frontend.java;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.github.vforklint.analysis.Observation;
import io.github.vforklint.analysis.jvm.LaunchMechanismSetting;
import io.github.vforklint.analysis.jvm.NativeForkBinding;
import io.github.vforklint.finding.Diagnostic;
import io.github.vforklint.frontend.FrontEnd;
import io.github.vforklint.frontend.FrontEndContext;
import io.github.vforklint.frontend.FrontEndResult;
import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JVM front end. Reads the files where JVMs get options (POMs, .mvn/jvm.config,
 * gradle.properties, Gradle scripts, Dockerfiles, shell scripts, YAML, systemd units) and Java
 * sources, when they hold one of its markers; Java constants that name the property pull in,
 * by the index, the files that use those constants. Runs on one thread with a deep stack: the
 * symbol solver recurses deeply, and its caches are not meant for concurrent use.
 */
public final class JvmFrontEnd implements FrontEnd {

    /** Rounds of "files that use a constant naming the property": a constant of a constant of a constant. */
    private static final int MAX_CONSTANT_ROUNDS = 3;
    private static final long STACK_BYTES = 512L << 20;
    /**
     * Words that make a Java or build file worth parsing: NativeForkInJava's fork symbols and
     * internal launchers, and the launch-mechanism property. Not {@code clone}: Object.clone() is
     * in most Java files, so a file whose only native binding is clone is not parsed (a known gap).
     */
    private static final Set<String> MARKERS = Set.of("launchMechanism", "VFORK", "vfork", "fork", "__fork", "__vfork",
            "forkAndExec", "Java_java_lang_ProcessImpl_forkAndExec", "Java_java_lang_UNIXProcess_forkAndExec");

    private final Integer javaRelease;

    /** @param javaRelease the Java language level to parse at (17, 21, 25...), or null for the newest JavaParser knows */
    public JvmFrontEnd(Integer javaRelease) {
        this.javaRelease = javaRelease;
    }

    /**
     * The language level for a release: the newest JavaParser knows when none is given.
     *
     * @throws IllegalArgumentException for a release JavaParser cannot parse at
     */
    static ParserConfiguration.LanguageLevel languageLevel(Integer release) {
        if (release == null) {
            return ParserConfiguration.LanguageLevel.BLEEDING_EDGE;
        }
        try {
            return ParserConfiguration.LanguageLevel.valueOf(release <= 4 ? "JAVA_1_" + release : "JAVA_" + release);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Java release " + release + " is not one the Java parser knows (it knows 1 to "
                    + newestRelease() + ")", e);
        }
    }

    /**
     * Checks a release before a scan starts, so that a bad option is a usage error, not a failure mid-scan.
     *
     * @throws IllegalArgumentException for a release the parser cannot parse at
     */
    public static void checkRelease(Integer release) {
        // No release asked for needs no check: the parser's classes are loaded only when Java is read.
        if (release != null) {
            languageLevel(release);
        }
    }

    /** The newest Java release the parser has a language level for. */
    public static int newestRelease() {
        int newest = 0;
        for (ParserConfiguration.LanguageLevel level : ParserConfiguration.LanguageLevel.values()) {
            if (level.name().matches("JAVA_\\d+")) {
                newest = Math.max(newest, Integer.parseInt(level.name().substring(5)));
            }
        }
        return newest;
    }

    @Override
    public String language() {
        return "JVM";
    }

    @Override
    public boolean reads(Path file) {
        return JvmFileKind.of(file).isPresent();
    }

    @Override
    public Set<String> markers() {
        return MARKERS;
    }

    @Override
    public FrontEndResult analyse(FrontEndContext context) {
        AtomicReference<FrontEndResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.set(analyseHere(context));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "vforklint-jvm", STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("JVM analysis interrupted", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("JVM analysis failed: " + failure.get(), failure.get());
        }
        return result.get();
    }

    private FrontEndResult analyseHere(FrontEndContext context) {
        Observed out = new Observed();
        Map<Path, Optional<JvmFile>> read = new HashMap<>();
        java.util.function.Function<Path, Optional<JvmFile>> files = p -> read.computeIfAbsent(p,
                q -> context.tree().file(q).flatMap(f -> load(f, context, out)));
        Path top = context.baseDir().getRoot() == null ? context.baseDir() : context.baseDir().getRoot();
        BuildJdks jdks = new BuildJdks(top, files);
        int analysed = 0;

        List<JvmFile> java = new ArrayList<>();
        for (SourceFile f : context.candidates()) {
            Optional<JvmFileKind> kind = JvmFileKind.of(f.path());
            Optional<JvmFile> file = kind.isEmpty() ? Optional.empty() : files.apply(f.path());
            if (file.isEmpty()) {
                continue;
            }
            analysed++;
            if (kind.get() == JvmFileKind.JAVA) {
                java.add(file.get());
                continue;
            }
            try {
                readBuildFile(kind.get(), file.get(), jdks, out);
            } catch (RuntimeException | StackOverflowError e) {
                out.unreadable(file.get(), "internal error reading it: " + e);
            }
        }
        analysed += analyseJava(java, context, files, jdks, out);
        int sites = 0;
        for (Observation o : out.observations) {
            if (o instanceof LaunchMechanismSetting s && s.isVfork() && s.effect() != LaunchMechanismSetting.Effect.LOST
                    || o instanceof NativeForkBinding) {
                sites++;
            }
        }
        return new FrontEndResult(out.observations, out.diagnostics, analysed, sites);
    }

    private static void readBuildFile(JvmFileKind kind, JvmFile file, BuildJdks jdks, Observed out) {
        switch (kind) {
            case POM -> {
                PomReader.Model model = jdks.pom(file);
                if (model.error() != null) {
                    out.unreadable(file, model.error());
                }
                var jdk = jdks.fromPom(file);
                for (PomReader.Hit hit : model.hits()) {
                    out.setting(hit.at(), hit.value(), hit.via(), jdk, model.onlyOnMacOsOrAix(hit));
                }
            }
            case MAVEN_OPTIONS -> OptionFileReader.read(file, out);
            case GRADLE_PROPERTIES -> PropertiesReader.read(file, out);
            case GRADLE_SCRIPT -> GradleScriptReader.read(file, out, jdks.forDirectory(file.path().getParent()), true);
            case KOTLIN -> GradleScriptReader.read(file, out, jdks.forDirectory(file.path().getParent()), false);
            case DOCKERFILE -> DockerfileReader.read(file, out);
            case SHELL -> ShellScriptReader.read(file, out);
            case YAML -> YamlReader.read(file, out);
            case SYSTEMD -> SystemdUnitReader.read(file, out);
            case JAVA -> throw new IllegalStateException("Java is parsed, not read");
        }
    }

    private int analyseJava(List<JvmFile> candidates, FrontEndContext context,
                            java.util.function.Function<Path, Optional<JvmFile>> files, BuildJdks jdks, Observed out) {
        if (candidates.isEmpty()) {
            return 0;
        }
        JavaSources sources = new JavaSources(languageLevel(javaRelease));
        NameLookup names = new NameLookup();
        Map<Path, JavaUnit> units = new LinkedHashMap<>();
        parseAll(candidates, sources, jdks, names, units, out);
        int extra = 0;
        Set<String> keyNames = JavaSources.keyConstants(cus(units), Set.of());
        List<SourceFile> allJava = context.tree().files().stream()
                .filter(f -> JvmFileKind.of(f.path()).filter(k -> k == JvmFileKind.JAVA).isPresent()).toList();
        for (int round = 0; !keyNames.isEmpty(); round++) {
            List<JvmFile> users = new ArrayList<>();
            for (SourceFile f : context.tree().mentioning(keyNames, allJava)) {
                if (!units.containsKey(f.path())) {
                    files.apply(f.path()).ifPresent(users::add);
                }
            }
            if (users.isEmpty()) {
                break;
            }
            if (round == MAX_CONSTANT_ROUNDS) {
                out.diagnostics.add(new Diagnostic(".", 0, Diagnostic.Kind.INCOMPLETE, "constants naming "
                        + LaunchOption.PROPERTY + " are defined from each other more than " + MAX_CONSTANT_ROUNDS
                        + " deep; files using " + String.join(", ", keyNames) + " were not all read"));
                break;
            }
            Map<Path, JavaUnit> fresh = new LinkedHashMap<>();
            parseAll(users, sources, jdks, names, fresh, out);
            extra += users.size();
            units.putAll(fresh);
            Set<String> more = new TreeSet<>(keyNames);
            more.addAll(JavaSources.keyConstants(cus(fresh), keyNames));
            keyNames = more;
        }

        List<NativeForkInJava.Binding> bindings = new ArrayList<>();
        for (JavaUnit unit : units.values()) {
            guarded(unit, out, () -> bindings.addAll(NativeForkInJava.declaredBindings(unit, out)));
        }
        Set<String> owners = new TreeSet<>();
        bindings.forEach(b -> owners.add(b.owner()));
        Set<String> forkOwners = new TreeSet<>();
        bindings.stream().filter(b -> NativeForkInJava.FORK_SYMBOLS.contains(b.symbol())).forEach(b -> forkOwners.add(b.owner()));
        Set<String> keys = keyNames;
        for (JavaUnit unit : units.values()) {
            guarded(unit, out, () -> {
                NativeForkInJava.lookups(unit, out);
                LaunchPropertyInJava.find(unit, keys, out);
                for (MethodCallExpr call : JavaSources.callsNamed(unit.cu(), NativeForkInJava.FORK_SYMBOLS)) {
                    if (isBindingCall(unit, call, forkOwners)) {
                        ForkedChildWalker.walk(unit, call, c -> isBindingCall(unit, c, owners)
                                || sameReceiver(c, call), out);
                    }
                }
            });
        }
        return extra;
    }

    private static void guarded(JavaUnit unit, Observed out, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | StackOverflowError e) {
            out.unreadable(unit.file(), "internal error analysing it: " + e);
        }
    }

    private static List<CompilationUnit> cus(Map<Path, JavaUnit> units) {
        return units.values().stream().map(JavaUnit::cu).toList();
    }

    private static void parseAll(List<JvmFile> files, JavaSources sources, BuildJdks jdks, NameLookup names,
                                 Map<Path, JavaUnit> units, Observed out) {
        for (JvmFile file : files) {
            JavaSources.Parsed parsed;
            try {
                parsed = sources.parse(file);
            } catch (RuntimeException | StackOverflowError e) {
                out.unreadable(file, "JavaParser failed on it: " + e);
                continue;
            }
            if (parsed.cu() == null) {
                List<String> problems = parsed.problems();
                out.unreadable(file, "not parsed as Java: " + String.join("; ", problems.subList(0, Math.min(2, problems.size())))
                        + (problems.size() > 2 ? " (and " + (problems.size() - 2) + " more)" : ""));
                continue;
            }
            names.add(parsed.cu());
            units.put(file.path(), new JavaUnit(file, parsed.cu(), jdks.forDirectory(file.path().getParent()), names));
        }
    }

    /** A call on a native binding: its receiver is declared as (or is the INSTANCE of) an owner, or a jnr-posix POSIX. */
    private static boolean isBindingCall(JavaUnit unit, MethodCallExpr call, Set<String> owners) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return call.findAncestor(ClassOrInterfaceDeclaration.class).map(c -> owners.contains(c.getNameAsString()))
                    .orElse(false);
        }
        Expression s = scope.get();
        // Resolving the receiver is costly (java.util.concurrent is full of ForkJoinTask.fork()): only when the
        // file names a binding's owner or jnr-posix can the receiver be one.
        String text = unit.file().chars();
        if (owners.stream().noneMatch(text::contains) && !text.contains("POSIX")) {
            return false;
        }
        if (s instanceof NameExpr n && owners.contains(n.getNameAsString())) {
            return true;
        }
        if (s instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr n && owners.contains(n.getNameAsString())) {
            return true;
        }
        Optional<String> type = NativeForkInJava.declaredType(unit, s);
        if (type.isPresent() && owners.contains(type.get().replaceFirst("<.*", "").replaceFirst(".*\\.", ""))) {
            return true;
        }
        return NativeForkInJava.isJnrPosix(unit, s);
    }

    private static boolean sameReceiver(MethodCallExpr a, MethodCallExpr b) {
        Optional<Expression> sa = a.getScope();
        Optional<Expression> sb = b.getScope();
        return sa.isPresent() && sb.isPresent() && sa.get().toString().equals(sb.get().toString());
    }

    private static Optional<JvmFile> load(SourceFile f, FrontEndContext context, Observed out) {
        try {
            return Optional.of(new JvmFile(f.path(), context.display(f.path()), SourceText.read(f.path())));
        } catch (IOException e) {
            out.diagnostics.add(new Diagnostic(context.display(f.path()), 0, Diagnostic.Kind.INCOMPLETE,
                    "not scanned: cannot read it: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
