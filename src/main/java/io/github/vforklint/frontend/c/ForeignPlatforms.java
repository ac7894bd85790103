package io.github.vforklint.frontend.c;

import io.github.vforklint.knowledge.FunctionKnowledge;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a file of the scanned tree is built only for another system or processor than the one
 * vforklint reads code for (platforms.yml): a word of its path, past the folders it shares with
 * the file asking, names one, and the asking file's own path does not. A system is named by a
 * folder or by the file's own name ({@code win32/}, {@code thread_nt.h}); a processor by a folder
 * only ({@code arch/mips/}), since a file called {@code tile.h} or {@code alpha.h} is as likely
 * about tiles or alpha blending.
 */
final class ForeignPlatforms {

    private static final java.util.regex.Pattern WORD_BREAKS = java.util.regex.Pattern.compile("[/_.\\-]+");

    private final Set<String> systems;
    private final Set<String> processors;

    ForeignPlatforms(Set<String> systems, Set<String> processors) {
        this.systems = Set.copyOf(systems);
        this.processors = Set.copyOf(processors);
    }

    /** The catalogue's words. */
    static ForeignPlatforms fromCatalogue() {
        return new ForeignPlatforms(FunctionKnowledge.foreignSystemWords(), FunctionKnowledge.foreignProcessorWords());
    }

    /** Whether {@code candidate} is for another platform than code in {@code folder} is. */
    boolean foreign(Path folder, Path candidate) {
        int shared = TreeIncludes.sharedFolders(candidate, folder);
        Set<String> asking = shared < folder.getNameCount() ? wordsOf(folder.subpath(shared, folder.getNameCount())) : Set.of();
        Set<String> folders = shared < candidate.getNameCount() - 1
                ? wordsOf(candidate.subpath(shared, candidate.getNameCount() - 1)) : Set.of();
        for (String word : folders) {
            if ((systems.contains(word) || processors.contains(word)) && !asking.contains(word)) {
                return true;
            }
        }
        for (String word : wordsOf(candidate.getFileName())) {
            if (systems.contains(word) && !asking.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> wordsOf(Path path) {
        return Arrays.stream(WORD_BREAKS.split(path.toString().toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
