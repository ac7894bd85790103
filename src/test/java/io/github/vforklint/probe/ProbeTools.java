package io.github.vforklint.probe;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;

/**
 * The probe tests need real tools (musl-gcc, valgrind, qemu-aarch64, a cross compiler). Locally a
 * missing tool skips the test with the reason; in CI (VFORKLINT_REQUIRE_PROBE_TOOLS set) it fails,
 * so that a broken install cannot pass as a green build.
 */
final class ProbeTools {
    static final String REQUIRE_VARIABLE = "VFORKLINT_REQUIRE_PROBE_TOOLS";

    private ProbeTools() {}

    static void require(String... tools) {
        List<String> missing = List.of(tools).stream()
                .filter(t -> t.startsWith("/") ? !java.nio.file.Files.exists(java.nio.file.Path.of(t))
                        : ExternalCommand.findExecutable(t).isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String reason = "missing " + String.join(", ", missing)
                + " (apt-get install musl-tools valgrind qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross)";
        String required = System.getenv(REQUIRE_VARIABLE);
        if (required != null && !required.isEmpty() && !required.equals("0")) {
            fail(REQUIRE_VARIABLE + " is set but " + reason);
        }
        assumeTrue(false, reason);
    }

    /** The verdicts the issue expects are for Linux on x86_64; elsewhere the tests would not know what to expect. */
    static void requireLinuxX86_64() {
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        boolean x86_64 = List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        String required = System.getenv(REQUIRE_VARIABLE);
        if (!(linux && x86_64) && required != null && !required.isEmpty() && !required.equals("0")) {
            fail(REQUIRE_VARIABLE + " is set but this is not Linux x86_64");
        }
        assumeTrue(linux && x86_64, "expectations are for Linux x86_64, this is "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
