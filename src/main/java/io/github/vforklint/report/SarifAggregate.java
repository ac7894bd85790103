package io.github.vforklint.report;

import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import io.github.vforklint.scan.ScanResult;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One SARIF log for several checks of the same source root (the modules of a build): a single
 * run whose results are every check's results, in the order given. GitHub code scanning rejects
 * an upload with several runs of one tool in one category, and one run per module would leave
 * a removed module's alerts open in a category nothing uploads any more; one run under one
 * category ({@code vforklint/} unless the settings name another) has neither problem. The
 * modules' own category is not kept: their runs become one.
 */
public final class SarifAggregate {

    private SarifAggregate() {
    }

    /**
     * @param reports SARIF files written by vforklint for the same source root
     * @param settings the merged run's category, and what a run with no results is written with
     *                 when {@code reports} is empty
     * @throws IOException when a report cannot be read, or the reports have different source roots
     */
    public static void write(List<Path> reports, ReportSettings settings, Writer out) throws IOException {
        if (reports.isEmpty()) {
            new SarifReport(settings).write(new ScanResult(List.of(), List.of(), 0, 0, 0), out);
            return;
        }
        List<Run> runs = new ArrayList<>();
        for (Path report : reports) {
            SarifSchema210 log;
            try {
                log = SarifJson.mapper().readValue(report.toFile(), SarifSchema210.class);
            } catch (IOException e) {
                throw new IOException(report + ": not a SARIF report vforklint can read: " + e.getMessage(), e);
            }
            if (log.getRuns() == null || log.getRuns().size() != 1) {
                throw new IOException(report + ": expected one run, as vforklint writes");
            }
            runs.add(log.getRuns().get(0));
        }
        Run first = runs.get(0);
        List<Result> results = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        boolean successful = true;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (!Objects.equals(run.getOriginalUriBaseIds(), first.getOriginalUriBaseIds())) {
                throw new IOException(reports.get(i) + ": its source root differs from " + reports.get(0)
                        + "'s; one run cannot hold both");
            }
            if (!Objects.equals(run.getTool().getDriver().getRules(), first.getTool().getDriver().getRules())) {
                throw new IOException(reports.get(i) + ": written by another vforklint version than " + reports.get(0));
            }
            if (run.getResults() != null) {
                results.addAll(run.getResults());
            }
            for (Invocation invocation : run.getInvocations() == null ? List.<Invocation>of() : run.getInvocations()) {
                successful &= !Boolean.FALSE.equals(invocation.getExecutionSuccessful());
                if (invocation.getToolExecutionNotifications() != null) {
                    notifications.addAll(invocation.getToolExecutionNotifications());
                }
            }
        }
        Run merged = first
                .withResults(results)
                .withAutomationDetails(new RunAutomationDetails().withId(settings.sarifCategory().automationId()))
                .withInvocations(List.of(new Invocation()
                        .withExecutionSuccessful(successful)
                        .withToolExecutionNotifications(notifications)));
        SarifSchema210 log = new SarifSchema210()
                .with$schema(java.net.URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(merged));
        StringWriter text = new StringWriter();
        text.write(SarifJson.mapper().writeValueAsString(log));
        text.write("\n");
        out.write(text.toString());
    }
}
