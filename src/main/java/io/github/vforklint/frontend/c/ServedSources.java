package io.github.vforklint.frontend.c;

import io.github.vforklint.source.SourceText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text CDT gets for each file of one parse: the file as it is on disk, with offsets and lines
 * unchanged, except for what must not reach the parser:
 * <ul>
 * <li>{@code #define} and {@code #undef} of macros a configuration pins, so the pin survives a
 * header's own definition ({@code #if !BB_MMU} in a file whose platform.h defines BB_MMU);</li>
 * <li>macros that would expand to more than {@link #MAX_EXPANSION} tokens or through more than
 * {@link #MAX_MACRO_DEPTH} other macros (a macro bomb: 30 doublings run the parser out of memory);</li>
 * <li>bracket groups nested deeper than {@link TextFacts#MAX_NESTING};</li>
 * <li>and the main file's rewrites made to recover from unknown macros.</li>
 * </ul>
 * One instance per parse, used by the parser's thread only.
 */
final class ServedSources {

    /** A macro's replacement expanded fully is estimated at more tokens than this: it is left undefined. */
    static final long MAX_EXPANSION = 100_000;

    /** A macro that expands through more macros than this is left undefined. */
    static final int MAX_MACRO_DEPTH = 200;

    /** Something left out of the parse, for a diagnostic. */
    record Cut(String path, int line, String what) {
    }

    /** A replacement of {@code [from, to)} in the main file by {@code text}, no longer than the original. */
    record Rewrite(int from, int to, String text) {
    }

    private record Size(long tokens, int depth) {
    }

    private final TextFacts facts;
    private final String mainFile;
    private final Set<String> pinned;
    private final List<Rewrite> rewrites;
    private final Map<String, Size> sizes = new HashMap<>();
    private final List<Cut> cuts = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    ServedSources(TextFacts facts, String mainFile, Set<String> pinned, List<Rewrite> rewrites) {
        this.facts = facts;
        this.mainFile = mainFile;
        this.pinned = Set.copyOf(pinned);
        this.rewrites = List.copyOf(rewrites);
    }

    /** What was left out, each once. */
    List<Cut> cuts() {
        return cuts;
    }

    private long servedChars;

    /** How many characters this parse was served: a measure of its syntax tree's size. */
    long servedChars() {
        return servedChars;
    }

    /**
     * The served text as CDT reads it: a file served unchanged shares one CDT array (and the
     * hash CDT keeps of it, and its include guard) with every other parse of the scan.
     */
    ServedText content(String path) {
        SourceText file = facts.files().get(path);
        char[] text = text(path, file);
        return text == file.chars() ? file.frontEndForm(ServedText.class, ServedText::new) : new ServedText(text);
    }

    private char[] text(String path, SourceText file) {
        char[] original = file.chars();
        servedChars += original.length;
        TextFacts.Facts known = facts.of(path);
        char[] text = original;
        List<Directives.Directive> directives = known.directives();
        for (int i = 0; i < directives.size(); i++) {
            Directives.Directive d = directives.get(i);
            boolean drop = false;
            if (d.kind() == Directives.Kind.DEFINE) {
                drop = pinned.contains(d.name()) || tooLarge(path, d, known.replacements().get(i));
            } else if (d.kind() == Directives.Kind.UNDEF) {
                sizes.remove(d.name());
                drop = pinned.contains(d.name());
            }
            if (drop) {
                text = text == original ? original.clone() : text;
                Directives.blank(text, d.start(), d.end());
            }
        }
        for (TextFacts.DeepRange deep : known.tooDeep()) {
            text = text == original ? original.clone() : text;
            Directives.blank(text, deep.from(), deep.to());
            cut(path, deep.firstLine(), (deep.function().isEmpty() ? "the code" : deep.function() + "()")
                    + " at lines " + deep.firstLine() + "-" + deep.lastLine() + " nests brackets more than "
                    + TextFacts.MAX_NESTING + " deep: not analysed");
        }
        if (path.equals(mainFile) && !rewrites.isEmpty()) {
            text = text == original ? original.clone() : text;
            for (Rewrite r : rewrites) {
                Directives.blank(text, r.from(), r.to());
                r.text().getChars(0, r.text().length(), text, r.from());
            }
        }
        return text;
    }

    /** Records the macro's estimated size; true when it is over a bound (and so must not be defined). */
    private boolean tooLarge(String path, Directives.Directive d, TextFacts.Replacement replacement) {
        long tokens = replacement.otherTokens();
        int depth = 0;
        for (String identifier : replacement.identifiers()) {
            Size inner = identifier.equals(d.name()) ? null : sizes.get(identifier);
            if (inner == null) {
                tokens++;
            } else {
                tokens += inner.tokens();
                depth = Math.max(depth, inner.depth());
            }
            tokens = Math.min(tokens, Long.MAX_VALUE / 4);
        }
        depth++;
        if (tokens > MAX_EXPANSION || depth > MAX_MACRO_DEPTH) {
            sizes.remove(d.name());
            cut(path, d.line(), "macro " + d.name() + " would expand to "
                    + (depth > MAX_MACRO_DEPTH ? "more than " + MAX_MACRO_DEPTH + " levels of macros"
                    : "about " + tokens + " tokens (limit " + MAX_EXPANSION + ")")
                    + ": left undefined");
            return true;
        }
        sizes.put(d.name(), new Size(tokens, depth));
        return false;
    }

    private void cut(String path, int line, String what) {
        if (reported.add(path + ":" + line + ":" + what)) {
            cuts.add(new Cut(path, line, what));
        }
    }
}
