package io.github.vforklint.scan;

import io.github.vforklint.source.SourceFiles;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Most files of a tree never touch vfork. A file is worth parsing only if it names a vfork
 * function, or a macro that (through other macros, in any scanned header) expands to one; a
 * regular-expression pass over the text decides that far faster than CDT could.
 */
final class VforkPrefilter {

    private static final Pattern DEFINE = Pattern.compile(
            "^[ \\t]*#[ \\t]*define[ \\t]+(\\w+)(?:\\([^)]*\\))?((?:[^\\n]*\\\\\\n)*[^\\n]*)", Pattern.MULTILINE);
    private static final Pattern WORD = Pattern.compile("\\w+");

    private final Pattern names;

    private VforkPrefilter(Set<String> allNames) {
        this.names = Pattern.compile("\\b(?:" + allNames.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b");
    }

    static VforkPrefilter build(Collection<Path> files, Set<String> vforkFunctions, SourceFiles sources) {
        Map<String, Set<String>> macroWords = new HashMap<>();
        for (Path file : files) {
            String text = new String(sources.get(file.toString()).chars());
            if (!text.contains("define")) {
                continue;
            }
            Matcher m = DEFINE.matcher(text);
            while (m.find()) {
                Set<String> words = macroWords.computeIfAbsent(m.group(1), k -> new HashSet<>());
                Matcher w = WORD.matcher(m.group(2));
                while (w.find()) {
                    words.add(w.group());
                }
            }
        }
        Set<String> known = new HashSet<>(vforkFunctions);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> macro : macroWords.entrySet()) {
                if (!known.contains(macro.getKey()) && macro.getValue().stream().anyMatch(known::contains)) {
                    known.add(macro.getKey());
                    grew = true;
                }
            }
        }
        return new VforkPrefilter(known);
    }

    /**
     * @param defines the file's command-line macros: {@code -Dfork=vfork} makes every fork() of the
     *                file a vfork site though no file of the tree says so
     */
    boolean mayInvolveVfork(char[] text, Map<String, String> defines) {
        if (names.matcher(java.nio.CharBuffer.wrap(text)).find()) {
            return true;
        }
        for (Map.Entry<String, String> define : defines.entrySet()) {
            if (names.matcher(define.getValue()).find()) {
                String macro = define.getKey().replaceAll("\\(.*", "");
                if (java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(macro) + "\\b")
                        .matcher(java.nio.CharBuffer.wrap(text)).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
