package io.github.vforklint.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vforklint.files.AtomicFiles;
import io.github.vforklint.probe.ProbeResult.LatencyRow;
import io.github.vforklint.probe.ProbeResult.Mechanism;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Saves results with {@code --record} and prints everything recorded as a markdown table. */
public final class PlatformMatrix {
    private PlatformMatrix() {}

    /** Saves the JSON as DIR/&lt;platform key&gt;.json, replacing an older result for the same platform. */
    public static Path record(Probe.Outcome outcome, Path dir) throws ProbeException {
        Path file = dir.resolve(PlatformKey.of(outcome.result()) + ".json");
        try {
            Files.createDirectories(dir);
            String json = ProbeJson.MAPPER.writeValueAsString(outcome.json()) + "\n";
            AtomicFiles.write(file, out -> out.write(json));
        } catch (IOException e) {
            throw ProbeException.usage("cannot record into " + dir + ": " + e.getMessage());
        }
        return file;
    }

    public record Entry(Path file, ProbeResult result) {}

    public static List<Entry> load(Path dir) throws ProbeException {
        if (!Files.isDirectory(dir)) {
            throw ProbeException.usage("no such directory: " + dir);
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = ProbeJson.MAPPER.readTree(f.toFile());
                if (json.path("schema").asInt() != ProbeResult.SCHEMA || !json.has("mechanisms")) {
                    continue; // some other JSON file in the same directory
                }
                entries.add(new Entry(f, ProbeJson.bind(json)));
            }
        } catch (IOException e) {
            throw ProbeException.usage("cannot read recorded results in " + dir + ": " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw ProbeException.usage("no probe results in " + dir + " (record some with: vforklint probe --record "
                    + dir + ")");
        }
        // bare-metal-like setups first: they are what the machine really does; wrappers follow
        entries.sort(Comparator.comparing(PlatformMatrix::wrapped)
                .thenComparing(e -> e.file().getFileName().toString()));
        return entries;
    }

    public static void print(List<Entry> entries, PrintWriter out) {
        out.println("| setup | OS release | arch | libc | linkage | compiler | run with | vfork() | "
                + "clone(CLONE_VM\\|CLONE_VFORK) | fork() control | fork+exec / vfork+exec | recorded |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Entry e : entries) {
            ProbeResult r = e.result();
            var p = r.platform();
            var inv = r.invocation();
            out.println("| " + String.join(" | ", Stream.of(
                    PlatformKey.of(r),
                    p.os() + " " + p.release(),
                    p.arch(),
                    p.libc().name() + (p.libc().version() == null ? "" : " " + p.libc().version()),
                    p.linkage(),
                    p.compiler().name() + " " + p.compiler().version(),
                    inv == null || inv.runWith() == null ? "-" : "`" + inv.runWith() + "`",
                    verdict(r.mechanisms().vfork()),
                    verdict(r.mechanisms().cloneVfork()),
                    verdict(r.mechanisms().fork()),
                    execRatio(r),
                    inv == null || inv.recordedAt() == null ? "-" : inv.recordedAt().substring(0, 10))
                    .map(PlatformMatrix::cell).toList()) + " |");
        }
        out.flush();
    }

    private static boolean wrapped(Entry e) {
        ProbeResult r = e.result();
        return !"none".equals(r.platform().emulation().detected())
                || (r.invocation() != null && r.invocation().runWith() != null);
    }

    private static String cell(String text) {
        return text.replace("\n", " ").replace("|", "\\|");
    }

    private static String verdict(Mechanism m) {
        return m == null ? "-" : "**" + m.verdict().label() + "**";
    }

    /** fork+exec over vfork+exec at the largest size measured: what vfork saves where it matters. */
    private static String execRatio(ProbeResult r) {
        LatencyRow best = null;
        for (LatencyRow row : r.latency()) {
            if (row.ratios() != null && row.ratios().forkExecOverVforkExec() != null
                    && (best == null || row.sizeBytes() > best.sizeBytes())) {
                best = row;
            }
        }
        return best == null ? "-" : ProbeReportWriter.fmt(best.ratios().forkExecOverVforkExec()) + "x at " + best.size();
    }
}
