package io.github.vforklint.frontend.c;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Measurement aid (VFORKLINT_TIMING): time spent per phase. To be removed. */
final class Timing {
    static final boolean ON = System.getenv("VFORKLINT_TIMING") != null;
    private static final Map<String, LongAdder> TOTALS = new ConcurrentHashMap<>();

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static long start() {
        return ON ? CPU.getCurrentThreadCpuTime() : 0;
    }

    static void add(String phase, long start) {
        if (ON) {
            TOTALS.computeIfAbsent(phase, k -> new LongAdder()).add(CPU.getCurrentThreadCpuTime() - start);
        }
    }

    static void print() {
        if (ON) {
            TOTALS.forEach((k, v) -> System.err.printf("timing %-20s %6d ms%n", k, v.sum() / 1_000_000));
        }
    }
}
