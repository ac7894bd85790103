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

    @Test
    void forkCostGrowsWithTheParentWhileVforkStaysFlat() throws ProbeException {
        ProbeTools.requireLinuxX86_64();
        ProbeResult r = ProbeFixtures.nativeShortLatency().result();
        org.junit.jupiter.api.Assumptions.assumeTrue(r.mechanisms().vfork().verdict() == Verdict.TRUE_VFORK);
        LatencyRow small = r.latency().get(0);
        LatencyRow large = r.latency().get(1);
        // 32x the pages to copy (about 12x the time when measured quietly): a 2x bound holds on a busy machine
        assertTrue(large.results().forkExit().medianUs() > 2 * small.results().forkExit().medianUs(),
                "fork+_exit " + small.results().forkExit() + " -> " + large.results().forkExit());
        assertTrue(large.results().vforkExit().medianUs() < large.results().forkExit().medianUs(),
                "vfork+_exit below fork+_exit at 64M");
    }

    @Test
    void quickRunHasNoLatencyTable() throws ProbeException {
        ProbeResult r = ProbeFixtures.nativeQuick().result();
        assertTrue(r.probe().options().quick());
        assertTrue(r.latency().isEmpty());
    }
}
