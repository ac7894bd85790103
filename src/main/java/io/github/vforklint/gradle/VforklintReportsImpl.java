package io.github.vforklint.gradle;

import org.gradle.api.Describable;
import org.gradle.api.model.ObjectFactory;
import org.gradle.api.reporting.SingleFileReport;
import org.gradle.api.reporting.internal.DefaultReportContainer;
import org.gradle.api.reporting.internal.DefaultSingleFileReport;
import org.gradle.api.reporting.internal.DelegatingReportContainer;

import javax.inject.Inject;
import java.util.List;

/**
 * The report container, built the way Gradle's own code-quality tasks build theirs (Gradle has
 * no public implementation of {@code ReportContainer}; this is why the plugin states the Gradle
 * versions it supports).
 */
public class VforklintReportsImpl extends DelegatingReportContainer<SingleFileReport> implements VforklintReports {

    @Inject
    public VforklintReportsImpl(Describable owner, ObjectFactory objects) {
        super(DefaultReportContainer.create(objects, SingleFileReport.class, factory -> List.of(
                factory.instantiateReport(DefaultSingleFileReport.class, "sarif", owner),
                factory.instantiateReport(DefaultSingleFileReport.class, "xml", owner),
                factory.instantiateReport(DefaultSingleFileReport.class, "text", owner),
                factory.instantiateReport(DefaultSingleFileReport.class, "gitlab", owner))));
    }

    @Override
    public SingleFileReport getSarif() {
        return getByName("sarif");
    }

    @Override
    public SingleFileReport getXml() {
        return getByName("xml");
    }

    @Override
    public SingleFileReport getText() {
        return getByName("text");
    }

    @Override
    public SingleFileReport getGitlab() {
        return getByName("gitlab");
    }
}
