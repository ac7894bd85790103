package io.github.vforklint.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vforklint.probe.ProbeResult.Mechanism;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four setups of issue 5, compiled and run for real. The expected verdicts are what the
 * platforms document (see native-probe/README.md) and what was measured on this kind of machine.
 */
class PlatformVerdictTest {

    @BeforeEach
    void linuxX86_64() {
        ProbeTools.requireLinuxX86_64();
    }

    @Test
    void nativeGlibcVforkIsTrueVfork() throws ProbeException {
        ProbeResult r = ProbeFixtures.nativeQuick().result();
        org.junit.jupiter.api.Assumptions.assumeTrue("glibc".equals(r.platform().libc().name()),
                "the default compiler does not target glibc here");
        assertVerdicts(r, Verdict.TRUE_VFORK, Verdict.TRUE_VFORK);
        assertEquals("x86_64", r.platform().arch());
        assertEquals("dynamic", r.platform().linkage());
        assertEquals("none", r.platform().emulation().detected());
        Mechanism vfork = r.mechanisms().vfork();
        assertEquals(3, vfork.trials().size());
        for (ProbeResult.Trial t : vfork.trials()) {
            assertTrue(t.parentBlockedMs() >= 45, "a suspended parent waits out the child's ~50 ms busy-wait: " + t);
            assertTrue(t.globalShared() && t.heapShared() && t.stackShared(), t.toString());
        }
    }

    @Test
    void staticMuslVforkIsTrueVfork() throws ProbeException {
        ProbeResult r = ProbeFixtures.muslStaticQuick().result();
        assertEquals("musl", r.platform().libc().name());
        assertTrue(r.platform().libc().version() != null && r.platform().libc().version().matches("\\d+\\.\\d+\\.\\d+"),
                "musl's version comes from its loader: " + r.platform().libc());
        assertEquals("static", r.platform().linkage());
        assertVerdicts(r, Verdict.TRUE_VFORK, Verdict.TRUE_VFORK);
    }

    @Test
    void valgrindTurnsVforkIntoForkAndDropsCloneVm() throws ProbeException {
        ProbeResult r = ProbeFixtures.valgrindQuick().result();
        assertEquals("valgrind", r.platform().emulation().detected(), r.platform().emulation().toString());
        assertVerdicts(r, Verdict.FORK_LIKE, Verdict.COPY_BUT_SUSPENDED);
    }

    @Test
    void qemuUserEmulatesVforkWithFork() throws ProbeException {
        ProbeResult r = ProbeFixtures.qemuAarch64Quick().result();
        assertEquals("aarch64", r.platform().arch());
        assertEquals("qemu-user", r.platform().emulation().detected(), r.platform().emulation().toString());
        assertVerdicts(r, Verdict.FORK_LIKE, Verdict.FORK_LIKE);
    }

    @Test
    void mechanismsLeftOutOfTheBuildAreUnavailableWithTheReason() throws ProbeException {
        ProbeResult r = ProbeFixtures.withoutVforkAndClone().result();
        assertEquals(Verdict.UNAVAILABLE, r.mechanisms().vfork().verdict());
        assertEquals("not built (VFP_NO_VFORK)", r.mechanisms().vfork().reason());
        assertEquals(Verdict.UNAVAILABLE, r.mechanisms().cloneVfork().verdict());
        assertTrue(r.mechanisms().vfork().trials().isEmpty());
        assertEquals(Verdict.FORK_LIKE, r.mechanisms().fork().verdict());
        ProbeResult.Costs costs = r.latency().get(0).results();
        assertEquals("not built (VFP_NO_VFORK)", costs.vforkExec().unavailable());
        assertTrue(costs.forkExec().measured() && costs.posixSpawn().measured());
        assertEquals(null, r.latency().get(0).ratios().forkExecOverVforkExec());

        java.io.StringWriter text = new java.io.StringWriter();
        new ProbeReportWriter(new java.io.PrintWriter(text)).write(r);
        assertTrue(text.toString().contains("vfork() is not available here (not built (VFP_NO_VFORK))"), text.toString());
        assertTrue(text.toString().contains("n/a vfork+exec: not built (VFP_NO_VFORK)"), text.toString());
    }

    private static void assertVerdicts(ProbeResult r, Verdict vfork, Verdict cloneVfork) {
        String context = "\n" + r.mechanisms();
        assertEquals(vfork, r.mechanisms().vfork().verdict(), "vfork" + context);
        assertEquals(cloneVfork, r.mechanisms().cloneVfork().verdict(), "clone_vfork" + context);
        assertEquals(Verdict.FORK_LIKE, r.mechanisms().fork().verdict(), "the fork() control" + context);
    }
}
