package io.github.vforklint.scan;

import io.github.vforklint.analysis.Observation;
import io.github.vforklint.analysis.VforkObservation;
import io.github.vforklint.finding.Location;
import io.github.vforklint.finding.TraceStep;

import java.util.Comparator;

/**
 * The order observations reach the rules in: by place, then kind, then the vfork site and call
 * chain that led there. Rules keep the first cause of a finding, so this order (and not the order
 * threads finished or files lay on disk) decides which site and chain a finding names.
 */
final class ObservationOrder {

    static final Comparator<Observation> ORDER = Comparator
            .comparing((Observation o) -> key(o.location()))
            .thenComparing(o -> o.getClass().getName())
            .thenComparing(ObservationOrder::cause);

    private ObservationOrder() {
    }

    private static String cause(Observation o) {
        if (!(o instanceof VforkObservation v)) {
            return "";
        }
        StringBuilder key = new StringBuilder(v.site() == null ? "" : key(v.site().location()));
        for (TraceStep step : v.chain()) {
            key.append(" > ").append(key(step.location()));
        }
        return key.toString();
    }

    /** Path, then zero-padded line and column, so that text order is numeric order. */
    private static String key(Location at) {
        if (at == null) {
            return "";
        }
        // String.format per comparison was a tenth of a scan once helpers are reached from many call sites
        StringBuilder key = new StringBuilder(at.path().length() + 20).append(at.path()).append(':');
        pad(key, at.line());
        key.append(':');
        pad(key, at.column());
        return key.toString();
    }

    private static void pad(StringBuilder key, int n) {
        String digits = Integer.toString(n);
        for (int i = digits.length(); i < 9; i++) {
            key.append('0');
        }
        key.append(digits);
    }
}
