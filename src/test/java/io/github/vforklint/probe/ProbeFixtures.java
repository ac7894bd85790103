package io.github.vforklint.probe;

import java.util.HashMap;
import java.util.Map;

/**
 * Real probe runs shared by the test classes (one JVM runs them all), so that each setup is
 * compiled and run once per build.
 */
final class ProbeFixtures {
    private static final Map<String, Probe.Outcome> CACHE = new HashMap<>();

    /** Short latency table: two sizes, few iterations; enough to check shape, not to quote numbers. */
    static final String SHORT_SIZES = "2M,64M";
    static final int SHORT_ITERATIONS = 15;

    private ProbeFixtures() {}

    static synchronized Probe.Outcome nativeQuick() throws ProbeException {
        return cached("native-quick", ProbeOptions.defaults().withQuick(true));
    }

    static synchronized Probe.Outcome nativeShortLatency() throws ProbeException {
        return cached("native-latency",
                ProbeOptions.defaults().withSizes(SHORT_SIZES).withIterations(SHORT_ITERATIONS).withTrials(1));
    }

    /** A build without vfork and clone, as on a system that lacks them. */
    static synchronized Probe.Outcome withoutVforkAndClone() throws ProbeException {
        return cached("no-vfork", ProbeOptions.defaults().withCflags("-O0 -DVFP_NO_VFORK -DVFP_NO_CLONE")
                .withSizes("2M").withIterations(5).withTrials(1));
    }

    static synchronized Probe.Outcome muslStaticQuick() throws ProbeException {
        ProbeTools.require("musl-gcc");
        return cached("musl-static", ProbeOptions.defaults().withCc("musl-gcc").withCflags("-O2 -static").withQuick(true));
    }

    static synchronized Probe.Outcome valgrindQuick() throws ProbeException {
        ProbeTools.require("valgrind");
        return cached("valgrind", ProbeOptions.defaults().withRunWith("valgrind -q").withQuick(true));
    }

    static synchronized Probe.Outcome qemuAarch64Quick() throws ProbeException {
        ProbeTools.require("aarch64-linux-gnu-gcc", "qemu-aarch64", "/usr/aarch64-linux-gnu");
        return cached("qemu-aarch64", ProbeOptions.defaults().withCc("aarch64-linux-gnu-gcc")
                .withRunWith("qemu-aarch64 -L /usr/aarch64-linux-gnu").withQuick(true));
    }

    private static Probe.Outcome cached(String key, ProbeOptions options) throws ProbeException {
        Probe.Outcome outcome = CACHE.get(key);
        if (outcome == null) {
            outcome = Probe.run(options);
            CACHE.put(key, outcome);
        }
        return outcome;
    }
}
