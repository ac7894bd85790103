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
 * the file asking, names one, and the asking file's own path does not.
 */
final class ForeignPlatforms {

    private final Set<String> words;

    ForeignPlatforms(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** The catalogue's words. */
    static ForeignPlatforms fromCatalogue() {
        return new ForeignPlatforms(FunctionKnowledge.foreignPlatformWords());
    }

    /** Whether {@code candidate} is for another platform than code in {@code folder} is. */
    boolean foreign(Path folder, Path candidate) {
        int shared = TreeIncludes.sharedFolders(candidate, folder);
        Set<String> asking = shared < folder.getNameCount() ? wordsOf(folder.subpath(shared, folder.getNameCount())) : Set.of();
        for (String word : wordsOf(candidate.subpath(shared, candidate.getNameCount()))) {
            if (words.contains(word) && !asking.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> wordsOf(Path path) {
        return Arrays.stream(path.toString().toLowerCase(Locale.ROOT).split("[/_.\\-]+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
