package io.github.vforklint.baseline;

import io.github.vforklint.finding.Finding;
import io.github.vforklint.finding.Location;
import io.github.vforklint.source.CommentsAndLiterals;
import io.github.vforklint.source.SourceText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@code vforklint/v1} fingerprint of a finding: a hash of its rule, its file (relative to the
 * source root), the name of the function around it and its code with comments and whitespace
 * removed. No line number goes in, so code added above a finding leaves the fingerprint alone,
 * and neither does reformatting or a comment added on the line (a suppression, say). The same
 * value is the baseline key and SARIF's {@code partialFingerprints["vforklint/v1"]}.
 */
public final class FindingFingerprints {

    public static final String NAME = "vforklint/v1";

    /** A multi-line finding contributes at most this many lines: the statement, not a whole macro body. */
    private static final int MAX_LINES = 20;

    private final ProjectPaths paths;
    private final Map<String, FileFacts> files = new HashMap<>();

    public FindingFingerprints(ProjectPaths paths) {
        this.paths = paths;
    }

    /** What the fingerprint is made of, kept for the baseline file where people read it. */
    public record Identity(String rule, String path, String function, String code, String fingerprint) {
    }

    public Identity identify(Finding finding) {
        Location at = finding.location();
        String path = paths.relative(at.path());
        FileFacts facts = facts(at.path());
        String function = facts == null ? "" : facts.functions().at(at.line());
        String code = facts == null ? finding.message() : normalised(facts, at);
        String shown = facts == null ? "" : facts.text().line(at.line()).strip();
        return new Identity(finding.ruleId(), path, function, shown, hash(finding.ruleId(), path, function, code));
    }

    public String of(Finding finding) {
        return identify(finding).fingerprint();
    }

    public ProjectPaths paths() {
        return paths;
    }

    private FileFacts facts(String shownPath) {
        return files.computeIfAbsent(shownPath, p -> {
            try {
                SourceText text = SourceText.read(paths.file(p));
                char[] withoutComments = CommentsAndLiterals.withoutComments(text.chars(),
                        CommentsAndLiterals.scan(text.chars()));
                return new FileFacts(text, EnclosingFunctions.of(text), new SourceText(withoutComments));
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** The finding's lines without comments, and without whitespace outside literals. */
    private static String normalised(FileFacts facts, Location at) {
        SourceText blanked = facts.withoutComments();
        int last = Math.min(Math.max(at.line(), at.endLine()), at.line() + MAX_LINES - 1);
        StringBuilder out = new StringBuilder();
        for (int line = at.line(); line <= last; line++) {
            String text = blanked.line(line);
            boolean inLiteral = false;
            char quote = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inLiteral) {
                    out.append(c);
                    if (c == '\\' && i + 1 < text.length()) {
                        out.append(text.charAt(++i));
                    } else if (c == quote) {
                        inLiteral = false;
                    }
                } else if (c == '"' || c == '\'') {
                    inLiteral = true;
                    quote = c;
                    out.append(c);
                } else if (!Character.isWhitespace(c)) {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    static String hash(String rule, String path, String function, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(NAME, rule, path, function, code)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record FileFacts(SourceText text, EnclosingFunctions functions, SourceText withoutComments) {
    }
}
