package io.github.vforklint.rules;

/** A source a rule document cites. */
public record Reference(String title, String url) {
}
