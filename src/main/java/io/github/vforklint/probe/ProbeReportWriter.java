package io.github.vforklint.probe;

import io.github.vforklint.probe.ProbeResult.Cost;
import io.github.vforklint.probe.ProbeResult.LatencyRow;
import io.github.vforklint.probe.ProbeResult.Mechanism;
import io.github.vforklint.probe.ProbeResult.Platform;
import io.github.vforklint.probe.ProbeResult.Trial;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable report of {@code vforklint probe}: verdicts, cost table, consequences. */
public final class ProbeReportWriter {
    static final Map<String, String> COST_HEADINGS = Map.of(
            "fork_exit", "fork+_exit", "vfork_exit", "vfork+_exit", "fork_exec", "fork+exec",
            "vfork_exec", "vfork+exec", "posix_spawn", "posix_spawn", "clone_exec", "clone+exec");

    private final PrintWriter out;

    public ProbeReportWriter(PrintWriter out) {
        this.out = out;
    }

    public void write(ProbeResult r) {
        writeIdentity(r);
        writeSemantics(r);
        writeCosts(r);
        writeMeaning(r);
        out.flush();
    }

    private void writeIdentity(ProbeResult r) {
        Platform p = r.platform();
        out.printf("vforklint probe: %s %s %s, %s %s (%s), %s %s%n", p.os(), p.release(), p.arch(),
                p.libc().name(), p.libc().version() == null ? "(version unknown)" : p.libc().version(),
                p.linkage(), p.compiler().name(), p.compiler().version());
        String runWith = r.invocation() == null ? null : r.invocation().runWith();
        String detected = p.emulation().detected();
        StringBuilder env = new StringBuilder("none".equals(detected) ? "no emulator detected" : "emulator: " + detected);
        if (p.emulation().virtualMachine()) {
            env.append("; inside a virtual machine");
        }
        if (runWith != null) {
            env.append("; run with: ").append(runWith);
        }
        out.println("  " + env);
        for (String evidence : p.emulation().evidence()) {
            out.println("    - " + evidence);
        }
        out.println();
    }

    private void writeSemantics(ProbeResult r) {
        var options = r.probe().options();
        out.printf("Semantics (%d trial%s each; the child writes a global, a heap word and the caller's stack,%n"
                + "then busy-waits %d ms while timestamps in a MAP_SHARED page show whether the parent ran)%n",
                options.trials(), options.trials() == 1 ? "" : "s", options.busyMs());
        Table t = new Table("mechanism", "verdict", "memory", "parent suspended");
        r.mechanisms().byName().forEach((name, m) -> {
            String call = m.call() + ("fork".equals(name) ? " (control)" : "");
            if (m.verdict() == Verdict.UNAVAILABLE) {
                t.row(call, m.verdict().label(), "-", m.reason());
            } else {
                t.row(call, m.verdict().label(), memory(m), suspension(m));
            }
        });
        t.print(out, "  ");
        out.println();
    }

    private static String memory(Mechanism m) {
        List<String> seen = m.trials().stream().map(tr -> tr.memory() == null ? "error" : tr.memory()).distinct().toList();
        return seen.size() == 1 ? seen.get(0) : "mixed " + seen;
    }

    private static String suspension(Mechanism m) {
        List<Trial> ok = m.trials().stream().filter(tr -> tr.suspended() != null).toList();
        if (ok.isEmpty()) {
            return m.trials().isEmpty() ? "-" : "error: " + m.trials().get(0).error();
        }
        long yes = ok.stream().filter(Trial::suspended).count();
        double blocked = median(ok.stream().map(Trial::parentBlockedMs).toList());
        String ms = String.format(Locale.ROOT, "%.1f ms", blocked);
        if (yes == ok.size()) {
            return "yes, parent blocked " + ms;
        }
        return yes == 0 ? "no, parent blocked " + ms : "mixed (" + yes + " of " + ok.size() + ")";
    }

    private void writeCosts(ProbeResult r) {
        if (r.probe().options().quick() || r.latency().isEmpty()) {
            out.println("Cost: not measured (--quick).");
            out.println();
            return;
        }
        out.println("Cost: median (p90) microseconds to create a process that calls _exit or execs a trivial");
        out.println("program (the probe itself with --noop), and reap it. Every page of the parent is touched.");
        List<String> names = new ArrayList<>(r.latency().stream().filter(l -> l.results() != null)
                .findFirst().map(l -> l.results().byName().keySet()).orElse(java.util.Set.of()));
        List<String> headings = new ArrayList<>(List.of("parent size", "RSS"));
        names.forEach(n -> headings.add(COST_HEADINGS.getOrDefault(n, n)));
        Table costs = new Table(headings.toArray(String[]::new));
        List<String> notes = new ArrayList<>();
        for (LatencyRow row : r.latency()) {
            List<String> cells = new ArrayList<>(List.of(row.size(), mib(row.rssBytes())));
            if (row.error() != null) {
                notes.add(row.size() + ": " + row.error());
                continue;
            }
            for (Map.Entry<String, Cost> e : row.results().byName().entrySet()) {
                Cost c = e.getValue();
                if (c.measured()) {
                    cells.add(fmt(c.medianUs()) + " (" + fmt(c.p90Us()) + ")");
                } else {
                    cells.add("n/a");
                    String note = COST_HEADINGS.getOrDefault(e.getKey(), e.getKey()) + ": " + c.unavailable();
                    if (!notes.contains(note)) {
                        notes.add(note);
                    }
                }
            }
            costs.row(cells.toArray(String[]::new));
        }
        costs.print(out, "  ");
        out.println();
        Table ratios = new Table("parent size", "fork / vfork", "fork+exec / vfork+exec", "fork+exec / posix_spawn");
        for (LatencyRow row : r.latency()) {
            if (row.ratios() != null) {
                ratios.row(row.size(), ratio(row.ratios().forkExitOverVforkExit()),
                        ratio(row.ratios().forkExecOverVforkExec()), ratio(row.ratios().forkExecOverPosixSpawn()));
            }
        }
        ratios.print(out, "  ");
        for (String note : notes) {
            out.println("  n/a " + note);
        }
        out.println();
    }

    private void writeMeaning(ProbeResult r) {
        out.println("What it means");
        Mechanism vfork = r.mechanisms().vfork();
        Mechanism clone = r.mechanisms().cloneVfork();
        Mechanism fork = r.mechanisms().fork();
        List<String> points = new ArrayList<>();
        points.add(switch (vfork.verdict()) {
            case TRUE_VFORK -> "vfork() is real here: the child runs in the parent's memory and the parent waits."
                    + " Code that hands results back through memory the vfork child wrote (a status word, errno)"
                    + " works on this machine only; it silently loses those writes where vfork is fork: macOS 12+,"
                    + " Cygwin, WSL1, OpenBSD, musl on several architectures, valgrind, qemu-user (VFK201)."
                    + " A child that only calls execve or _exit is portable.";
            case FORK_LIKE -> "vfork() is fork here: the child's writes never reach the parent and the parent does"
                    + " not wait. Code that relies on vfork's shared memory (VFK201) silently misbehaves here,"
                    + " and vfork saves nothing over fork.";
            case COPY_BUT_SUSPENDED -> "vfork() suspends the parent but gives the child a copy of memory here"
                    + " (4.4BSD semantics): code that relies on the child's writes (VFK201) loses them;"
                    + " code that relies only on the parent waiting still works.";
            case SHARED_NOT_SUSPENDED -> "vfork() shares memory without suspending the parent here: child and parent"
                    + " race on the same stack, so any use of vfork is unsafe on this platform.";
            case UNAVAILABLE -> "vfork() is not available here (" + vfork.reason() + "); code that calls it will not"
                    + " work; use posix_spawn.";
            case INCONSISTENT -> "vfork() behaved differently across trials; rerun with more --trials. Until then"
                    + " treat its shared memory and parent suspension as unreliable here.";
        });
        if (clone != null && clone.verdict() != vfork.verdict()) {
            points.add(clone.call() + " is " + clone.verdict().label() + " (" + clone.verdict().meaning() + ")."
                    + " glibc's and musl's posix_spawn are built on it.");
        }
        if (fork.verdict() != Verdict.FORK_LIKE) {
            points.add("WARNING: the fork() control came out " + fork.verdict().label()
                    + " instead of fork-like; this platform or run wrapper confuses the probe, so do not trust"
                    + " the other verdicts either.");
        }
        costMeaning(r).ifPresent(points::add);
        for (String p : points) {
            wrap("  * ", "    ", p);
        }
    }

    private static java.util.Optional<String> costMeaning(ProbeResult r) {
        LatencyRow largest = null;
        for (LatencyRow row : r.latency()) {
            if (row.results() != null && (largest == null || row.sizeBytes() > largest.sizeBytes())) {
                largest = row;
            }
        }
        if (largest == null) {
            return java.util.Optional.empty();
        }
        Cost forkExec = largest.results().forkExec();
        Cost vforkExec = largest.results().vforkExec();
        Cost spawn = largest.results().posixSpawn();
        Cost forkExit = largest.results().forkExit();
        Cost vforkExit = largest.results().vforkExit();
        StringBuilder s = new StringBuilder("With a " + largest.size() + " parent, ");
        if (forkExec.measured() && vforkExec.measured() && spawn.measured()) {
            s.append(String.format(Locale.ROOT, "fork+exec costs %s (%sx vfork+exec, %sx posix_spawn)",
                    us(forkExec.medianUs()), fmt(forkExec.medianUs() / vforkExec.medianUs()),
                    fmt(forkExec.medianUs() / spawn.medianUs())));
            s.append(String.format(Locale.ROOT, "; posix_spawn is %sx vfork+exec, so it gets vfork's savings"
                    + " without its hazards.", fmt(spawn.medianUs() / vforkExec.medianUs())));
        } else if (forkExit.measured() && vforkExit.measured()) {
            s.append(String.format(Locale.ROOT, "fork+_exit costs %s and vfork+_exit %s;"
                    + " the exec rows could not be measured.", us(forkExit.medianUs()), us(vforkExit.medianUs())));
        } else {
            return java.util.Optional.empty();
        }
        s.append(" fork's cost grows with the parent's size, vfork's and posix_spawn's do not.");
        return java.util.Optional.of(s.toString());
    }

    private void wrap(String first, String rest, String text) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > 100) {
                out.println(line);
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.println(line);
    }

    static String mib(Long bytes) {
        if (bytes == null) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    static String us(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000) : fmt(micros) + " µs";
    }

    /** Three significant digits at most: the spread between runs is larger than that. */
    static String fmt(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String ratio(Double v) {
        return v == null ? "n/a" : fmt(v) + "x";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(java.util.Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Left-aligned text columns. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... headings) {
            rows.add(headings);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        void print(PrintWriter out, String indent) {
            int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
            int[] width = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i] == null ? 0 : r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder(indent);
                for (int i = 0; i < r.length; i++) {
                    String cell = r[i] == null ? "" : r[i];
                    line.append(cell);
                    if (i < r.length - 1) {
                        line.append(" ".repeat(width[i] - cell.length() + 2));
                    }
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
