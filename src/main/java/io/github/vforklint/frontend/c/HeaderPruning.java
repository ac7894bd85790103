package io.github.vforklint.frontend.c;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which function declarations and definitions, and which macro definitions, of a unit's headers
 * its parse can do without: those of a name no file the unit can include names, nor the main
 * file, nor its macros from the command line, nor the rest of the header itself. Left out, they
 * are blanked (lines and offsets stay), and the parse neither lexes nor builds them: a busybox
 * file reads the 480 function declarations of libbb.h and names about a hundred, and three
 * quarters of its parse was its headers.
 * <p>
 * The files the unit can include are found from the text before the parse: every {@code #include}
 * of the main file and, in turn, of what it includes, whatever the conditions around it, resolved
 * in every directory the parse searches and in the tree as {@link TreeIncludes} resolves, so they
 * are more than the parse reads. Should the parse read a file none of those is (an include
 * spelled by a macro) that names something left out, the parse is {@link #conflicted()} and must
 * be made again without pruning. One per parse, used by the parser's thread only.
 */
final class HeaderPruning {

    /**
     * A unit that can include more files than this is parsed whole: finding what they name would
     * cost more than it saves (each kernel file can include hundreds, and is parsed whole).
     */
    static final int MAX_FILES = 100;

    static final HeaderPruning NONE = new HeaderPruning(null, "", Map.of(), Set.of());

    private final TextFacts facts;
    private final String mainFile;
    /** The files the unit can include, the main file first. */
    private final Map<String, HeaderDeclarations> reachable;
    /** Names the command line and the recovery's rewrites add to the main file's. */
    private final Set<String> alsoNamed;
    private final Map<String, int[]> leftOut = new HashMap<>();
    private final Set<String> leftOutNames = new HashSet<>();
    private boolean conflicted;

    private HeaderPruning(TextFacts facts, String mainFile, Map<String, HeaderDeclarations> reachable, Set<String> alsoNamed) {
        this.facts = facts;
        this.mainFile = mainFile;
        this.reachable = reachable;
        this.alsoNamed = alsoNamed;
    }

    /** What each file's includes can name, under each search path: found once a scan. */
    static final class Includes {
        private final TextFacts facts;
        private final TreeIncludes tree;
        private final Map<List<String>, Map<String, List<String>>> bySearchPath = new java.util.concurrent.ConcurrentHashMap<>();

        Includes(TextFacts facts, TreeIncludes tree) {
            this.facts = facts;
            this.tree = tree;
        }

        List<String> of(String file, List<String> dirs) {
            return bySearchPath.computeIfAbsent(dirs, d -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(file, f -> {
                        List<String> found = new ArrayList<>();
                        for (Directives.Directive d : facts.of(f).directives()) {
                            if (d.kind() == Directives.Kind.INCLUDE) {
                                found.addAll(candidates(facts, tree, f, d.argument().trim(), dirs));
                            }
                        }
                        return List.copyOf(found);
                    });
        }
    }

    /**
     * @param searchDirs the directories the parse looks for includes in
     * @param spelled    text the parse reads beside the files (macro values, rewrites): the names in it count as named
     */
    static HeaderPruning plan(Includes includes, String mainFile, List<Path> forcedIncludes,
                              List<Path> searchDirs, Collection<String> spelled) {
        TextFacts facts = includes.facts;
        Set<String> files = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        todo.add(mainFile);
        forcedIncludes.forEach(p -> todo.add(p.toAbsolutePath().normalize().toString()));
        List<String> dirs = searchDirs.stream().map(d -> d.toAbsolutePath().normalize().toString()).toList();
        while (!todo.isEmpty()) {
            String file = todo.poll();
            if (files.contains(file) || !facts.files().exists(file)) {
                continue;
            }
            if (files.size() == MAX_FILES) {
                return NONE; // before any file's names are read
            }
            files.add(file);
            todo.addAll(includes.of(file, dirs));
        }
        Map<String, HeaderDeclarations> reachable = new LinkedHashMap<>();
        files.forEach(f -> reachable.put(f, facts.declarations(f)));
        Set<String> named = new HashSet<>();
        for (String text : spelled) {
            char[] chars = text.toCharArray();
            for (CTokens.Token t : CTokens.of(chars, 0, chars.length, false)) {
                if (t.isIdentifier()) {
                    named.add(t.text());
                }
            }
        }
        return new HeaderPruning(facts, mainFile, reachable, named);
    }

    /** Every existing file an include can name: more than the preprocessor takes, never fewer. */
    private static List<String> candidates(TextFacts facts, TreeIncludes tree, String including, String argument,
                                           List<String> dirs) {
        if (argument.length() < 2 || !(argument.charAt(0) == '"' || argument.charAt(0) == '<')) {
            return List.of(); // spelled by a macro: caught when the parse reads it
        }
        int close = argument.indexOf(argument.charAt(0) == '"' ? '"' : '>', 1);
        if (close < 0) {
            return List.of();
        }
        String name = argument.substring(1, close);
        List<String> found = new ArrayList<>();
        try {
            Path from = Path.of(including).getParent();
            if (from != null) {
                found.add(from.resolve(name).normalize().toString());
            }
            for (String dir : dirs) {
                found.add(Path.of(dir).resolve(name).normalize().toString());
            }
            if (tree != null) {
                TreeIncludes.Resolution r = tree.resolve(name, Path.of(including));
                if (r.found()) {
                    found.add(r.file().toString());
                }
                r.ambiguous().forEach(p -> found.add(p.toString()));
            }
        } catch (InvalidPathException e) {
            return List.of();
        }
        return found.stream().filter(facts.files()::exists).distinct().toList();
    }

    /** The ranges {@code [from, to)} of {@code path} to blank for this parse: pairs in an array. */
    int[] leftOut(String served) {
        if (facts == null) {
            return new int[0];
        }
        String path = Path.of(served).normalize().toString();
        if (path.equals(mainFile)) {
            return new int[0];
        }
        int[] known = leftOut.get(path);
        if (known != null) {
            return known;
        }
        if (!reachable.containsKey(path)) {
            // read through an include no directive spells: it counts from now on, and if it names
            // what was left out already, this parse is not the one the unit's text means
            HeaderDeclarations unexpected = facts.declarations(path);
            for (String name : leftOutNames) {
                if (unexpected.names(name)) {
                    conflicted = true;
                }
            }
            reachable.put(path, unexpected);
            leftOut.put(path, new int[0]);
            return new int[0];
        }
        HeaderDeclarations here = reachable.get(path);
        List<Integer> ranges = new ArrayList<>();
        for (HeaderDeclarations.Declaration d : here.removable(facts.files().get(path).chars())) {
            if (!named(d, path, here)) {
                ranges.add(d.start());
                ranges.add(d.end());
                leftOutNames.add(d.name());
            }
        }
        int[] result = ranges.stream().mapToInt(Integer::intValue).toArray();
        leftOut.put(path, result);
        return result;
    }

    private boolean named(HeaderDeclarations.Declaration d, String path, HeaderDeclarations here) {
        if (here.count(d.name()) > d.uses() || alsoNamed.contains(d.name())) {
            return true;
        }
        for (Map.Entry<String, HeaderDeclarations> file : reachable.entrySet()) {
            if (file.getValue() != here && file.getValue().names(d.name())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the parse read a file that names something this plan left out of another. */
    boolean conflicted() {
        return conflicted;
    }
}
