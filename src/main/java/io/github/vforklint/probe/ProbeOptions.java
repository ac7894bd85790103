package io.github.vforklint.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to build and run the probe.
 *
 * @param cc compiler command, or null for the first of cc, gcc, clang on PATH
 * @param cflags compiler flags, one string as typed ("-O2 -static")
 * @param runWith a command the probe runs under ("valgrind -q"), or null
 * @param quick semantics only, no latency table
 * @param sizes parent resident sizes for the latency table ("2M,64M"), or null for the default
 * @param trials semantic trials per mechanism, or null for the probe's default (3)
 * @param iterations most iterations per latency cell, or null for the probe's default (400)
 * @param timeout how long a compile or run may take
 */
public record ProbeOptions(String cc, String cflags, String runWith, boolean quick, String sizes,
        Integer trials, Integer iterations, Duration timeout) {

    public static final String DEFAULT_CFLAGS = "-O0";
    public static final String DEFAULT_SIZES = "2M,64M";
    /** A week: longer than any emulated run, and far from the overflow of a timeout counted in milliseconds. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(7);
    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?([kKmMgG](i?B)?)?");

    public static ProbeOptions defaults() {
        return new ProbeOptions(null, DEFAULT_CFLAGS, null, false, null, null, null, Duration.ofMinutes(10));
    }

    public ProbeOptions withCc(String value) {
        return new ProbeOptions(value, cflags, runWith, quick, sizes, trials, iterations, timeout);
    }

    public ProbeOptions withCflags(String value) {
        return new ProbeOptions(cc, value, runWith, quick, sizes, trials, iterations, timeout);
    }

    public ProbeOptions withRunWith(String value) {
        return new ProbeOptions(cc, cflags, value, quick, sizes, trials, iterations, timeout);
    }

    public ProbeOptions withQuick(boolean value) {
        return new ProbeOptions(cc, cflags, runWith, value, sizes, trials, iterations, timeout);
    }

    public ProbeOptions withSizes(String value) {
        return new ProbeOptions(cc, cflags, runWith, quick, value, trials, iterations, timeout);
    }

    public ProbeOptions withTrials(Integer value) {
        return new ProbeOptions(cc, cflags, runWith, quick, sizes, value, iterations, timeout);
    }

    public ProbeOptions withIterations(Integer value) {
        return new ProbeOptions(cc, cflags, runWith, quick, sizes, trials, value, timeout);
    }

    public ProbeOptions withTimeout(Duration value) {
        return new ProbeOptions(cc, cflags, runWith, quick, sizes, trials, iterations, value);
    }

    /** Checks what the probe would reject, so that a typo is a usage error and not a failed run. */
    public void validate() throws ProbeException {
        if (sizes != null) {
            String[] parts = sizes.split(",", -1);
            if (parts.length > 16) {
                throw ProbeException.usage("--sizes takes at most 16 sizes, got " + parts.length);
            }
            for (String s : parts) {
                if (!SIZE.matcher(s).matches() || Double.parseDouble(s.replaceAll("[^0-9.]", "")) <= 0) {
                    throw ProbeException.usage("--sizes expects a list like 2M,64M,1G; '" + s + "' is not a size");
                }
            }
        }
        if (trials != null && (trials < 1 || trials > 50)) {
            throw ProbeException.usage("--trials must be from 1 to 50, got " + trials);
        }
        if (iterations != null && (iterations < 1 || iterations > 1_000_000)) {
            throw ProbeException.usage("--iterations must be from 1 to 1000000, got " + iterations);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw ProbeException.usage("--timeout must be from 1 to " + MAX_TIMEOUT.toSeconds() + " seconds (7 days)");
        }
        CommandWords.split(cc);
        CommandWords.split(cflags);
        CommandWords.split(runWith);
    }

    /** The probe's own arguments. */
    List<String> probeArguments() {
        List<String> args = new ArrayList<>();
        if (quick) {
            args.add("--quick");
        }
        if (sizes != null) {
            args.addAll(List.of("--sizes", sizes));
        }
        if (trials != null) {
            args.addAll(List.of("--trials", trials.toString()));
        }
        if (iterations != null) {
            args.addAll(List.of("--iterations", iterations.toString()));
            // a small iteration count is a request for a short run: do not insist on more
            args.addAll(List.of("--min-iterations", String.valueOf(Math.min(5, iterations))));
        }
        return args;
    }
}
