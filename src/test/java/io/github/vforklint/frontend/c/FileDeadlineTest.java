package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.Test;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file's time stops while its thread works for the whole scan (reading the tree for the definition index). */
class FileDeadlineTest {

    @Test
    void theClockStopsWhileTheThreadWorksForTheScan() throws Exception {
        ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor();
        FileDeadline deadline = new FileDeadline();
        try {
            deadline.bind(TimeUnit.SECONDS.toNanos(1), alarms);
            boolean expiredInside = deadline.notCounting(() -> {
                sleep(1500);
                return deadline.expired() || deadline.overdueBy(0);
            });
            assertFalse(expiredInside, "neither the alarm nor the clock expires the file while its time is stopped");
            assertFalse(deadline.overdueBy(TimeUnit.MILLISECONDS.toNanos(400)),
                    "the time stopped is added: the file is not overdue the moment it goes on");
        } finally {
            deadline.release();
            alarms.shutdownNow();
        }
    }

    @Test
    void withoutAPauseTheAlarmExpiresTheFile() throws Exception {
        ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor();
        FileDeadline deadline = new FileDeadline();
        try {
            deadline.bind(TimeUnit.MILLISECONDS.toNanos(1), alarms);
            sleep(200);
            assertTrue(deadline.expired());
            assertTrue(deadline.overdueBy(0));
        } finally {
            deadline.release();
            alarms.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
