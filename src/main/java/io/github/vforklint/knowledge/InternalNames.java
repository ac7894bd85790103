package io.github.vforklint.knowledge;

import java.util.List;
import java.util.function.Predicate;

/**
 * The spellings a C library gives its own functions inside its sources ({@code __dup2},
 * {@code __close_nocancel}, {@code __libc_sigaction}), from {@code rules/functions/internal-names.yml}:
 * a reserved prefix, and a suffix naming a variant that behaves the same in a vfork child.
 */
public record InternalNames(List<String> prefixes, List<String> suffixes) {

    public InternalNames {
        prefixes = List.copyOf(prefixes);
        suffixes = List.copyOf(suffixes);
    }

    /**
     * The listed name {@code name} spells, or null: its prefix taken off (the first that matches,
     * in the file's order), then a suffix if that leaves no listed name.
     */
    public String listed(String name, Predicate<String> isListed) {
        for (String prefix : prefixes) {
            if (name.length() > prefix.length() && name.startsWith(prefix)) {
                String bare = name.substring(prefix.length());
                if (isListed.test(bare)) {
                    return bare;
                }
                for (String suffix : suffixes) {
                    if (bare.length() > suffix.length() && bare.endsWith(suffix)
                            && isListed.test(bare.substring(0, bare.length() - suffix.length()))) {
                        return bare.substring(0, bare.length() - suffix.length());
                    }
                }
                return null;
            }
        }
        return null;
    }
}
