package io.github.vforklint.suppress;

import io.github.vforklint.baseline.Baseline;
import io.github.vforklint.baseline.BaselineEntry;
import io.github.vforklint.baseline.FindingFingerprints;
import io.github.vforklint.scan.ScanResult;

import java.util.List;

/**
 * What a check reports once suppressions and the baseline are applied.
 *
 * @param result       the findings to report (including VFK001) and the diagnostics (including stale baseline entries)
 * @param suppressed   findings left out, each with what suppressed it
 * @param stale        baseline entries that matched no finding
 * @param recorded     with {@link FindingFilter.Settings#recordBaseline()}: a baseline of every finding, else null
 * @param fingerprints the fingerprints the baseline used, for reports to reuse
 */
public record FilteredResult(ScanResult result, List<SuppressedFinding> suppressed, List<BaselineEntry> stale,
                             Baseline recorded, FindingFingerprints fingerprints) {

    public FilteredResult {
        suppressed = List.copyOf(suppressed);
        stale = List.copyOf(stale);
    }

    /** A result nothing was filtered from (formats that need no suppression data, tests). */
    public static FilteredResult unfiltered(ScanResult result, FindingFingerprints fingerprints) {
        return new FilteredResult(result, List.of(), List.of(), null, fingerprints);
    }

    public long suppressedInSource() {
        return suppressed.stream().filter(s -> s.suppression().kind() == Suppression.Kind.IN_SOURCE).count();
    }

    public long suppressedByBaseline() {
        return suppressed.stream().filter(s -> s.suppression().kind() == Suppression.Kind.BASELINE).count();
    }
}
