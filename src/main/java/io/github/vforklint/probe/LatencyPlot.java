package io.github.vforklint.probe;

import io.github.vforklint.files.AtomicFiles;
import io.github.vforklint.probe.ProbeResult.Cost;
import io.github.vforklint.probe.ProbeResult.LatencyRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Median latency against parent size, one line per mechanism, both axes logarithmic: fork's cost
 * grows with the parent while vfork's and posix_spawn's stay flat, and log scales show both.
 */
public final class LatencyPlot {
    /** Fixed colours per mechanism so that plots from different machines compare at a glance. */
    private static final Map<String, Color> COLORS = Map.of(
            "fork_exit", new Color(0xD62728), "fork_exec", new Color(0xFF7F0E),
            "vfork_exit", new Color(0x1F77B4), "vfork_exec", new Color(0x17BECF),
            "posix_spawn", new Color(0x2CA02C), "clone_exec", new Color(0x9467BD));

    private static final Map<String, org.knowm.xchart.style.markers.Marker> MARKERS = Map.of(
            "fork_exit", SeriesMarkers.CIRCLE, "fork_exec", SeriesMarkers.CIRCLE,
            "vfork_exit", SeriesMarkers.DIAMOND, "vfork_exec", SeriesMarkers.DIAMOND,
            "posix_spawn", SeriesMarkers.SQUARE, "clone_exec", SeriesMarkers.TRIANGLE_UP);

    private LatencyPlot() {}

    /** Writes a PNG or SVG chart, chosen by the file name's extension. */
    public static void write(ProbeResult result, Path file) throws ProbeException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw ProbeException.usage("--plot needs a file name ending in .png or .svg, got " + file);
        }
        if (result.probe().options().quick() || result.latency().isEmpty()) {
            throw ProbeException.usage("--plot needs the latency table; drop --quick");
        }
        System.setProperty("java.awt.headless", "true"); // a CLI never needs a display
        XYChart chart = chart(result);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.writeBytes(file, out -> {
                if (svg) {
                    VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                } else {
                    BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
                }
            });
        } catch (IOException e) {
            throw ProbeException.incomplete("cannot write the plot " + file + ": " + e.getMessage());
        }
    }

    static XYChart chart(ProbeResult result) {
        var p = result.platform();
        String title = String.format(Locale.ROOT, "Process creation cost: %s %s, %s %s (%s)%s", p.os(), p.arch(),
                p.libc().name(), p.libc().version() == null ? "" : p.libc().version(), p.linkage(),
                "none".equals(p.emulation().detected()) ? "" : ", " + p.emulation().detected());
        XYChart chart = new XYChartBuilder().width(1000).height(620).title(title)
                .xAxisTitle("parent resident size (MiB, every page touched)")
                .yAxisTitle("median latency (µs, create + _exit/exec + reap)").build();
        Styler styler = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0.#").setYAxisDecimalPattern("#,##0");
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setMarkerSize(10);

        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (LatencyRow row : result.latency()) {
            if (row.results() == null) {
                continue;
            }
            for (Map.Entry<String, Cost> e : row.results().byName().entrySet()) {
                if (e.getValue().measured()) {
                    points.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(new double[] {row.sizeBytes() / 1048576.0, e.getValue().medianUs()});
                }
            }
        }
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(a -> a[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(a -> a[1]).toArray();
            XYSeries series = chart.addSeries(ProbeReportWriter.COST_HEADINGS.getOrDefault(e.getKey(), e.getKey()), x, y);
            // shapes as well as colours: vfork+exec and clone+exec usually lie on top of each other
            series.setMarker(MARKERS.getOrDefault(e.getKey(), SeriesMarkers.CIRCLE));
            series.setLineColor(COLORS.getOrDefault(e.getKey(), Color.GRAY));
            series.setMarkerColor(COLORS.getOrDefault(e.getKey(), Color.GRAY));
            series.setLineStyle(e.getKey().startsWith("fork") ? new BasicStroke(2.5f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 4f}, 0f));
        }
        return chart;
    }
}
