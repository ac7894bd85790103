package io.github.vforklint.frontend.c;

import io.github.vforklint.parallel.Parallel;
import io.github.vforklint.source.CommentsAndLiterals;
import io.github.vforklint.source.SourceFile;
import io.github.vforklint.source.SourceFiles;
import io.github.vforklint.source.SourceTree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files worth parsing for a set of names (vfork and its kin, or wrappers found later): those
 * that hold one of the names, or a macro that expands to one through other macros. A macro whose
 * replacement mentions a name can only be defined in a file that mentions it, so the closure
 * decodes just the files the tree finds those names in; finding them for a name not asked for in
 * advance reads the tree's bytes again, never its text. Names only in comments do not count.
 */
final class VforkCandidates {

    /** @param names the seed names and every macro found to expand to one of them */
    record Found(Set<String> names, List<SourceFile> files) {
    }

    /**
     * A clone flag that marks a file though it makes a call vfork-like only beside the others
     * ({@code CLONE_VFORK} needs {@code CLONE_VM}): a file that names it only to test it
     * ({@code flags & CLONE_VFORK}, as the kernel's uprobes.c does), outside any call's
     * arguments, names none of the others (its own macros included) and calls none of
     * {@code callees} (clone and its kin, which a wrapper of them calls) holds no site.
     */
    record TestedFlag(String name, Set<String> others, Set<String> callees) {
        TestedFlag {
            others = Set.copyOf(others);
            callees = Set.copyOf(callees);
        }
    }

    private VforkCandidates() {
    }

    /**
     * @param cFiles       the C files of the tree
     * @param extraHeaders headers outside the tree (in {@code -I} directories) whose macros count too
     * @param defines      macro definitions from the command line and the compilation database:
     *                     {@code -Dfork=vfork} makes {@code fork} a name of its own
     */
    static Found find(SourceTree tree, TextFacts facts, List<SourceFile> cFiles, Set<String> seeds,
                      List<Path> extraHeaders, Collection<Map<String, String>> defines, int jobs) {
        return find(tree, facts, cFiles, seeds, tree.mentioning(seeds, cFiles), extraHeaders, defines, null, jobs);
    }

    /**
     * @param facts           where the files' texts are read and their directives found: the
     *                        parser's, which keeps the candidates it is about to parse
     * @param mentioningSeeds the files of {@code cFiles} that hold one of {@code seeds}, already known
     * @param testedFlag      a seed that does not make a candidate of a file that only tests it, or null
     * @param jobs            the threads the files are read on: this runs before the parallel
     *                        analysis, and decodes and reads each candidate (busybox: 50 ms on one thread)
     */
    static Found find(SourceTree tree, TextFacts facts, List<SourceFile> cFiles, Set<String> seeds,
                      List<SourceFile> mentioningSeeds, List<Path> extraHeaders, Collection<Map<String, String>> defines,
                      TestedFlag testedFlag, int jobs) {
        SourceFiles texts = facts.files();
        Set<String> names = new TreeSet<>(seeds);
        Set<Path> read = new HashSet<>();
        boolean first = true;
        Set<String> fresh = new TreeSet<>(seeds);
        // The files that hold any of the names are those found for each round's names.
        Set<SourceFile> mentioning = new HashSet<>();
        while (!fresh.isEmpty()) {
            List<Path> sources = new ArrayList<>();
            for (SourceFile f : first ? mentioningSeeds : tree.mentioning(fresh, cFiles)) {
                mentioning.add(f);
                sources.add(f.path());
            }
            if (first) {
                sources.addAll(extraHeaders);
                first = false;
            }
            Set<String> next = new TreeSet<>();
            List<Path> unread = new ArrayList<>();
            for (Path source : sources) {
                if (read.add(source)) {
                    unread.add(source);
                }
            }
            for (List<MacroDefinitions.Definition> definitions : Parallel.map(unread,
                    source -> MacroDefinitions.in(textOf(texts, source)), jobs)) {
                for (MacroDefinitions.Definition d : definitions) {
                    if (!names.contains(d.name()) && d.words().stream().anyMatch(names::contains)) {
                        next.add(d.name());
                    }
                }
            }
            for (Map<String, String> set : defines) {
                set.forEach((macro, value) -> {
                    String name = macro.replaceAll("\\(.*", "");
                    if (!names.contains(name) && MacroDefinitions.wordsOf(value).stream().anyMatch(names::contains)) {
                        next.add(name);
                    }
                });
            }
            next.removeAll(names);
            names.addAll(next);
            fresh = next;
        }
        List<SourceFile> mentioned = cFiles.stream().filter(mentioning::contains).toList();
        TextFacts.WordSet nameWords = new TextFacts.WordSet(names);
        List<Boolean> inCode = Parallel.map(mentioned, f -> namesInCode(facts, f.path(), nameWords, testedFlag), jobs);
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < mentioned.size(); i++) {
            if (inCode.get(i)) {
                files.add(mentioned.get(i));
            }
        }
        return new Found(Set.copyOf(names), files);
    }

    /**
     * Whether one of {@code names} occurs in the file outside its comments and its preprocessor
     * directives: a file that names vfork only to explain something (the kernel has several), or
     * only in the macros it defines for other files (busybox's libbb.h defines xvfork()), holds no
     * site, and parsing it with its headers costs a tenth of a second. A file that uses such a
     * macro names it in its code, since the names include every macro that expands to one.
     * Words are told apart as the byte pass tells them ({@link TextFacts#wordsIn}), which found
     * the names in the file in the first place.
     */
    private static boolean namesInCode(TextFacts facts, Path file, TextFacts.WordSet names, TestedFlag testedFlag) {
        String path = file.toAbsolutePath().normalize().toString();
        char[] text = textOf(facts.files(), Path.of(path));
        char[] code = CommentsAndLiterals.withoutComments(text, CommentsAndLiterals.scan(text));
        TextFacts.Occurrences inText = names.in(code);
        if (inText == TextFacts.Occurrences.NONE) {
            return false;
        }
        // read only for a file that names the flag alone; its own macros count for what it calls
        // and which flags it names
        boolean mayHoldAClone = testedFlag == null || !java.util.Arrays.stream(inText.words()).allMatch(testedFlag.name()::equals)
                || TextFacts.wordsIn(code, testedFlag.others()) != TextFacts.Occurrences.NONE
                || calls(code, testedFlag.callees());
        // the directives the parse of the file reads again, found once
        for (Directives.Directive d : facts.of(path).directives()) {
            Directives.blank(code, d.start(), d.end());
        }
        TextFacts.Occurrences found = names.in(code);
        return found != TextFacts.Occurrences.NONE && (mayHoldAClone || !onlyTests(code, found, testedFlag));
    }

    /** Whether one of {@code callees} is named before a parenthesis. */
    private static boolean calls(char[] code, Set<String> callees) {
        TextFacts.Occurrences named = TextFacts.wordsIn(code, callees);
        for (int offset : named.offsets()) {
            int i = Directives.wordEnd(code, offset, code.length);
            while (i < code.length && Character.isWhitespace(code[i])) {
                i++;
            }
            if (i < code.length && code[i] == '(') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every name found is the flag, each time as the right operand of a bitwise and
     * ({@code flags & CLONE_VFORK}, {@code flags &~CLONE_VFORK}) and not among a call's arguments
     * ({@code f(x & CLONE_VFORK)} passes the bit on): then no argument of the file holds the flags.
     */
    private static boolean onlyTests(char[] code, TextFacts.Occurrences found, TestedFlag flag) {
        for (int i = 0; i < found.offsets().length; i++) {
            int at = found.offsets()[i];
            if (!found.words()[i].equals(flag.name()) || !afterBitwiseAnd(code, at) || inCallArguments(code, at)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a parenthesis around {@code at}, within its statement, opens a call's arguments. */
    private static boolean inCallArguments(char[] code, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = code[i];
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth > 0) {
                depth--;
            } else if (c == '(') {
                SurroundingCode.Word name = SurroundingCode.wordBefore(code, i);
                // a keyword's parenthesis (if, sizeof, __attribute__) opens no call's arguments
                if (name != null && !MacroRecovery.KEYWORDS.contains(name.in(code))) {
                    return true;
                }
            } else if (c == ';' || c == '{' || c == '}') {
                return false;
            }
        }
        return false;
    }

    private static boolean afterBitwiseAnd(char[] code, int word) {
        int i = word - 1;
        while (i >= 0 && (Character.isWhitespace(code[i]) || code[i] == '~')) {
            i--;
        }
        return i >= 1 && code[i] == '&' && code[i - 1] != '&';
    }

    /**
     * In a small tree (a file copied alone, a small project), the files that call a function named
     * like a vfork wrapper ({@code xvfork()}) though no file of the tree mentions vfork for it: the
     * wrapper's definition is elsewhere, and {@link ConfigurationExplorer} may take it for one. A
     * large tree is not read for this: its wrappers are defined in it, and found as macros or
     * functions that reach vfork.
     */
    static List<SourceFile> callingWrapperNames(SourceFiles texts, List<SourceFile> cFiles, Collection<SourceFile> already) {
        if (cFiles.size() > SMALL_TREE) {
            return List.of();
        }
        Set<SourceFile> known = new HashSet<>(already);
        List<SourceFile> result = new ArrayList<>();
        for (SourceFile f : cFiles) {
            if (known.contains(f) || f.size() > SMALL_FILE) {
                continue;
            }
            char[] text = textOf(texts, f.path());
            List<CTokens.Token> tokens = CTokens.of(text, 0, text.length, true);
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).isIdentifier() && tokens.get(i + 1).is("(")
                        && ConfigurationExplorer.looksLikeWrapper(tokens.get(i).text())) {
                    result.add(f);
                    break;
                }
            }
        }
        return result;
    }

    /** Trees of at most this many C files are read for wrapper-named calls. */
    private static final int SMALL_TREE = 256;

    /** Files larger than this are generated, not where a wrapper is called. */
    private static final long SMALL_FILE = 4L << 20;

    private static char[] textOf(SourceFiles texts, Path file) {
        try {
            return texts.get(file.toString()).chars();
        } catch (java.io.UncheckedIOException e) {
            // The tree's own diagnostics name unreadable files; a missing macro only costs candidates.
            return new char[0];
        }
    }
}
