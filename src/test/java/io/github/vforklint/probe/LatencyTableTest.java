package io.github.vforklint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vforklint.probe.ProbeResult.Cost;
import io.github.vforklint.probe.ProbeResult.LatencyRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost table from a short real run: complete, plausible, and with the ratios the report quotes. */
class LatencyTableTest {

    @Test
    void everyMechanismIsMeasuredAtEverySize() throws ProbeException {
        ProbeTools.requireLinuxX86_64();
        ProbeResult r = ProbeFixtures.nativeShortLatency().result();
        List<LatencyRow> rows = r.latency();
        assertEquals(List.of("2M", "64M"), rows.stream().map(LatencyRow::size).toList());
        for (LatencyRow row : rows) {
            assertEquals(null, row.error());
            Map<String, Cost> costs = row.results().byName();
            assertEquals(List.of("fork_exit", "vfork_exit", "fork_exec", "vfork_exec", "posix_spawn", "clone_exec"),
                    List.copyOf(costs.keySet()));
            costs.forEach((name, c) -> {
                assertTrue(c.measured(), name + " at " + row.size() + ": " + c.unavailable());
                assertTrue(c.n() >= 5 && c.n() <= ProbeFixtures.SHORT_ITERATIONS, name + " n=" + c.n());
                assertTrue(c.minUs() <= c.medianUs() && c.medianUs() <= c.p90Us() && c.p90Us() <= c.maxUs(),
                        name + ": " + c);
            });
            assertNotNull(row.ratios().forkExitOverVforkExit());
            assertNotNull(row.ratios().forkExecOverPosixSpawn());
            assertTrue(row.rssBytes() >= row.sizeBytes(), "every page of the ballast is resident: " + row);
        }
    }

    /**
     * Sanity of the numbers, not their comparison: whether fork at 64M is slower than at 2M depends
     * on how busy the machine is, and a unit test must not fail on a loaded CI machine. The timing
     * claims ("fork grows with the parent, vfork stays flat") are the probe's own to show on a quiet
     * machine: {@code vforklint probe --sizes 2M,64M,1G}.
     */
    @Test
    void sizesAscendAndEveryRatioIsTheQuotientOfItsMedians() throws ProbeException {
        ProbeTools.requireLinuxX86_64();
        ProbeResult r = ProbeFixtures.nativeShortLatency().result();
        List<LatencyRow> rows = r.latency();
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).sizeBytes() > rows.get(i - 1).sizeBytes(), "sizes in ascending order: " + rows);
        }
        for (LatencyRow row : rows) {
            row.results().byName().forEach((name, c) -> {
                assertTrue(c.minUs() > 0 && Double.isFinite(c.maxUs()), name + " at " + row.size() + ": " + c);
                assertTrue(c.maxUs() < 60_000_000, name + ": no single run takes a minute: " + c);
            });
            double forkExit = row.results().forkExit().medianUs();
            double vforkExit = row.results().vforkExit().medianUs();
            // Both are printed rounded (medians to 0.1 us, ratios to 0.01): a 5% margin covers that.
            assertEquals(forkExit / vforkExit, row.ratios().forkExitOverVforkExit(), 0.05 * forkExit / vforkExit + 0.01,
                    "the ratio the report quotes is fork_exit's median over vfork_exit's: " + row);
            assertTrue(row.ratios().forkExecOverPosixSpawn() > 0, row.toString());
        }
    }

    @Test
    void quickRunHasNoLatencyTable() throws ProbeException {
        ProbeResult r = ProbeFixtures.nativeQuick().result();
        assertTrue(r.probe().options().quick());
        assertTrue(r.latency().isEmpty());
    }
}
