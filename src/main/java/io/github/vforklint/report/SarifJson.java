package io.github.vforklint.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.Result;

/**
 * Jackson set up for java-sarif's model. Its classes leave out any property equal to its
 * default, and {@code level} defaults to "warning": a warning result of a rule whose default is
 * "error" would lose its level and be read as an error. The mix-ins always write {@code level}.
 */
final class SarifJson {

    private SarifJson() {
    }

    abstract static class AlwaysResultLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Result.Level getLevel();
    }

    abstract static class AlwaysConfigurationLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract ReportingConfiguration.Level getLevel();
    }

    abstract static class AlwaysNotificationLevel {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Notification.Level getLevel();
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .addMixIn(Result.class, AlwaysResultLevel.class)
                .addMixIn(ReportingConfiguration.class, AlwaysConfigurationLevel.class)
                .addMixIn(Notification.class, AlwaysNotificationLevel.class);
    }
}
