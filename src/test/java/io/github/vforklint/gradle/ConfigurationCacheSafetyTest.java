package io.github.vforklint.gradle;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the configuration cache forbids at execution time, checked in the bytecode since no real
 * Gradle build can run here: the task and the work action never call {@code getProject()} and
 * never touch a {@code Project} (the plugins, which run at configuration time, may).
 */
class ConfigurationCacheSafetyTest {

    private static String disassembled(Class<?> type) throws URISyntaxException {
        Path classFile = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(type.getName().replace('.', '/') + ".class");
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new AssertionError("javap is part of the JDK"));
        StringWriter out = new StringWriter();
        int code = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", classFile.toString());
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    @Test
    void theTaskAndTheWorkActionNeverReachTheProject() throws Exception {
        for (Class<?> type : List.of(VforklintTask.class, VforklintTask.ReadByVforklint.class, VforklintOptions.class,
                VforklintWork.class, VforklintWork.Outcome.class, VforklintReportsImpl.class)) {
            String code = disassembled(type);
            assertTrue(code.contains("Code:"), "javap printed the bytecode of " + type);
            assertFalse(code.contains("getProject"), type + " calls getProject()");
            assertFalse(code.contains("org/gradle/api/Project"), type + " uses a Project");
        }
    }

    @Test
    void theCheckIsFoundInTheBytecodeWhenItIsThere() throws Exception {
        // the plugin configures tasks from the project at configuration time, which is allowed
        assertTrue(disassembled(VforklintBasePlugin.class).contains("org/gradle/api/Project"));
    }
}
