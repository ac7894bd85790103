package io.github.vforklint.knowledge;

import java.util.List;
import java.util.function.Predicate;

/**
 * The spellings a C library gives its own functions inside its sources ({@code __dup2},
 * {@code __close_nocancel}, {@code __libc_sigaction}, {@code close_not_cancel}), from
 * {@code rules/functions/internal-names.yml}: a reserved prefix, and a suffix naming a variant
 * that behaves the same in a vfork child; some such suffixes are spelled without a prefix.
 */
public record InternalNames(List<String> prefixes, List<String> suffixes, List<String> suffixesAlone) {

    public InternalNames {
        prefixes = List.copyOf(prefixes);
        suffixes = List.copyOf(suffixes);
        suffixesAlone = List.copyOf(suffixesAlone);
    }

    /**
     * The listed name {@code name} spells, or null: its prefix taken off (the first that matches,
     * in the file's order), then a suffix if that leaves no listed name; a name with no such
     * prefix, one of the suffixes spelled alone.
     */
    public String listed(String name, Predicate<String> isListed) {
        for (String prefix : prefixes) {
            if (name.length() > prefix.length() && name.startsWith(prefix)) {
                String bare = name.substring(prefix.length());
                return isListed.test(bare) ? bare : withoutSuffix(bare, suffixes, isListed);
            }
        }
        return withoutSuffix(name, suffixesAlone, isListed);
    }

    private static String withoutSuffix(String name, List<String> suffixes, Predicate<String> isListed) {
        for (String suffix : suffixes) {
            if (name.length() > suffix.length() && name.endsWith(suffix)
                    && isListed.test(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }
}
