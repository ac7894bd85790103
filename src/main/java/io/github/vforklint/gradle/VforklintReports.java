package io.github.vforklint.gradle;

import org.gradle.api.reporting.ReportContainer;
import org.gradle.api.reporting.SingleFileReport;
import org.gradle.api.tasks.Internal;

/** A vforklint task's reports: {@code sarif} (required by default), {@code xml} (Checkstyle), {@code text}, {@code gitlab}. */
public interface VforklintReports extends ReportContainer<SingleFileReport> {

    /** SARIF 2.1.0, for GitHub code scanning and SARIF viewers. */
    @Internal
    SingleFileReport getSarif();

    /** Checkstyle XML, for Jenkins' Warnings plugin, reviewdog, SonarQube. */
    @Internal
    SingleFileReport getXml();

    /** The text the command line prints. */
    @Internal
    SingleFileReport getText();

    /** GitLab Code Quality JSON. */
    @Internal
    SingleFileReport getGitlab();
}
