package io.github.vforklint.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The probe's JSON document (schema 1; see native-probe/README.md and probe-result.schema.json).
 * Unknown members are ignored so that a newer probe with extra fields still reads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeResult(
        int schema,
        ProbeInfo probe,
        Platform platform,
        Mechanisms mechanisms,
        List<LatencyRow> latency,
        Invocation invocation) {

    public static final int SCHEMA = 1;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProbeInfo(String version, Options options, String execTarget, double elapsedMs) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Options(boolean quick, int trials, int busyMs, List<String> sizes, int maxIterations,
            int minIterations, int budgetMs, String thp) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Platform(String os, String release, String kernelVersion, String machine, String arch,
            int pointerBits, long pageSize, int cpus, Libc libc, Compiler compiler, String linkage,
            String transparentHugepages, Emulation emulation) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Libc(String name, String version, String detectedBy) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compiler(String name, String version) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Emulation(String detected, boolean virtualMachine, List<String> evidence) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mechanisms(Mechanism vfork, Mechanism cloneVfork, Mechanism fork) {
        /** In report order: the mechanism under test, its Linux sibling, then the control. */
        public Map<String, Mechanism> byName() {
            return orderedMap("vfork", vfork, "clone_vfork", cloneVfork, "fork", fork);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mechanism(String call, Verdict verdict, String reason, List<Trial> trials) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trial(Verdict verdict, String error, String memory, Boolean globalShared, Boolean heapShared,
            Boolean stackShared, Boolean suspended, Boolean childSawParentRunning, Double parentBlockedMs,
            Double childBusyMs) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LatencyRow(String size, long sizeBytes, Long rssBytes, String pages, String error,
            Costs results, Ratios ratios) {}

    /** The measured operations, each "create a process, let it _exit or exec, reap it". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Costs(Cost forkExit, Cost vforkExit, Cost forkExec, Cost vforkExec, Cost posixSpawn,
            Cost cloneExec) {
        public Map<String, Cost> byName() {
            return orderedMap("fork_exit", forkExit, "vfork_exit", vforkExit, "fork_exec", forkExec,
                    "vfork_exec", vforkExec, "posix_spawn", posixSpawn, "clone_exec", cloneExec);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cost(Double medianUs, Double p90Us, Double minUs, Double maxUs, Integer n, String unavailable) {
        public boolean measured() {
            return medianUs != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ratios(Double forkExitOverVforkExit, Double forkExecOverVforkExec, Double forkExecOverPosixSpawn) {}

    /** Added by vforklint, not by the probe: how the probe was built and run, and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invocation(List<String> compile, List<String> run, String runWith, String recordedAt) {}

    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) keysAndValues[i + 1];
            if (value != null) {
                map.put((String) keysAndValues[i], value);
            }
        }
        return map;
    }
}
