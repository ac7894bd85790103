package io.github.vforklint.baseline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.vforklint.files.AtomicFiles;
import io.github.vforklint.files.BoundedFiles;
import io.github.vforklint.files.InputFileException;
import io.github.vforklint.finding.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a project has accepted for now, so that a check reports only new ones. Written by
 * {@code --write-baseline}, read by {@code --baseline}; the JSON format is documented in the
 * README ("Adopting vforklint on an existing tree") and is meant to be committed, so entries are
 * sorted and carry no line numbers: regenerating it after unrelated edits changes nothing.
 */
public final class Baseline {

    static final String FORMAT = "vforklint-baseline";
    static final int VERSION = 1;
    private static final String ABOUT = "Findings accepted when vforklint was adopted: `vforklint check --baseline FILE`"
            + " reports only findings not listed here. Entries match on rule, path and fingerprint (a hash of the code"
            + " and its function, not of line numbers); regenerate with --write-baseline to drop fixed ones.";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Comparator<BaselineEntry> ORDER = Comparator.comparing(BaselineEntry::path)
            .thenComparing(BaselineEntry::rule).thenComparing(BaselineEntry::function)
            .thenComparing(BaselineEntry::code).thenComparing(BaselineEntry::fingerprint);

    /** The file as stored. */
    @JsonPropertyOrder({"format", "version", "about", "entries"})
    record Document(String format, Integer version, String about, List<BaselineEntry> entries) {
    }

    /** What a baseline made of a scan's findings. */
    public record Match(List<Finding> fresh, List<Finding> known, List<BaselineEntry> stale) {
    }

    private final List<BaselineEntry> entries;

    private Baseline(List<BaselineEntry> entries) {
        List<BaselineEntry> sorted = new ArrayList<>();
        // function and code are for people reading the file; an entry written by hand may leave them out.
        for (BaselineEntry e : entries) {
            sorted.add(new BaselineEntry(e.rule(), e.path(), e.fingerprint(), e.count(),
                    e.function() == null ? "" : e.function(), e.code() == null ? "" : e.code()));
        }
        sorted.sort(ORDER);
        this.entries = List.copyOf(sorted);
    }

    public List<BaselineEntry> entries() {
        return entries;
    }

    /** A baseline accepting exactly these findings. */
    public static Baseline of(List<Finding> findings, FindingFingerprints fingerprints) {
        Map<BaselineEntry.Key, BaselineEntry> grouped = new LinkedHashMap<>();
        for (Finding f : findings) {
            FindingFingerprints.Identity id = fingerprints.identify(f);
            BaselineEntry entry = new BaselineEntry(id.rule(), id.path(), id.fingerprint(), 1, id.function(), id.code());
            grouped.merge(entry.key(), entry, (old, added) -> old.withCount(old.count() + 1));
        }
        return new Baseline(new ArrayList<>(grouped.values()));
    }

    public static Baseline read(Path file) throws BaselineException {
        Document doc;
        try {
            doc = JSON.readValue(BoundedFiles.read(file, BoundedFiles.BASELINE_LIMIT, "baseline"), Document.class);
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + ": no such baseline file (create it with --write-baseline)");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BaselineException(file + (line > 0 ? ":" + line : "") + ": not a vforklint baseline: "
                    + e.getOriginalMessage());
        } catch (InputFileException e) {
            throw new BaselineException(e.getMessage());
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read: " + e.getMessage());
        }
        if (doc == null || !FORMAT.equals(doc.format()) || doc.entries() == null) {
            throw new BaselineException(file + ": not a vforklint baseline (expected \"format\": \"" + FORMAT
                    + "\" and an \"entries\" list)");
        }
        if (doc.version() == null || doc.version() != VERSION) {
            throw new BaselineException(file + ": baseline version " + doc.version() + " is not supported (expected "
                    + VERSION + ")");
        }
        List<BaselineEntry> entries = new ArrayList<>();
        for (int i = 0; i < doc.entries().size(); i++) {
            BaselineEntry e = doc.entries().get(i);
            if (e == null) {
                throw new BaselineException(file + ": entry " + (i + 1) + " is null, not an object with rule, path and"
                        + " fingerprint");
            }
            if (e.rule() == null || e.path() == null || e.fingerprint() == null || e.count() < 1) {
                throw new BaselineException(file + ": entry " + (i + 1) + " lacks rule, path or fingerprint, or has a"
                        + " count below 1: " + e);
            }
            entries.add(e);
        }
        return new Baseline(entries);
    }

    /** Writes the baseline atomically: a failed write leaves the previous baseline as it was. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String text = JSON.writeValueAsString(new Document(FORMAT, VERSION, ABOUT, entries)) + "\n";
        AtomicFiles.write(file, out -> out.write(text));
    }

    /**
     * Splits findings into those the baseline accepts and new ones. An entry with count n accepts
     * the first n findings with its key, in report order; what it does not use up is stale.
     */
    public Match match(List<Finding> findings, FindingFingerprints fingerprints) {
        Map<BaselineEntry.Key, Integer> left = new LinkedHashMap<>();
        for (BaselineEntry e : entries) {
            // Saturating: two hand-written counts near the int limit must not wrap round to "none left".
            left.merge(e.key(), e.count(), (a, b) -> (int) Math.min(Integer.MAX_VALUE, (long) a + b));
        }
        List<Finding> fresh = new ArrayList<>();
        List<Finding> known = new ArrayList<>();
        for (Finding f : findings) {
            FindingFingerprints.Identity id = fingerprints.identify(f);
            BaselineEntry.Key key = new BaselineEntry.Key(id.rule(), id.path(), id.fingerprint());
            int remaining = left.getOrDefault(key, 0);
            if (remaining > 0) {
                left.put(key, remaining - 1);
                known.add(f);
            } else {
                fresh.add(f);
            }
        }
        List<BaselineEntry> stale = new ArrayList<>();
        for (BaselineEntry e : entries) {
            int unused = left.getOrDefault(e.key(), 0);
            if (unused > 0) {
                int taken = Math.min(unused, e.count());
                stale.add(e.withCount(taken));
                left.put(e.key(), unused - taken);
            }
        }
        return new Match(fresh, known, stale);
    }
}
