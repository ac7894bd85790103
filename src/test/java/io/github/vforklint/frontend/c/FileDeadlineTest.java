package io.github.vforklint.frontend.c;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file's time stops while its thread works for the whole scan (reading the tree for the
 * definition index). The alarms are held and rung by the test, so nothing depends on how fast
 * the machine is: only on a deadline of a millisecond being past after twenty.
 */
class FileDeadlineTest {

    private final HeldAlarms alarms = new HeldAlarms();
    private final FileDeadline deadline = new FileDeadline();

    @AfterEach
    void release() {
        deadline.release();
        alarms.shutdownNow();
    }

    @Test
    void anAlarmThatRingsWhileTheClockIsStoppedRingsAgainLater() {
        deadline.bind(TimeUnit.MILLISECONDS.toNanos(1), alarms);
        boolean expiredInside = deadline.notCounting(() -> {
            sleep(20);
            alarms.ringLast();
            return deadline.expired() || deadline.overdueBy(0);
        });
        assertFalse(expiredInside, "neither the alarm nor the clock expires the file while its time is stopped");
        assertEquals(2, alarms.held.size(), "the alarm was set again");
    }

    @Test
    void withTheClockRunningTheAlarmExpiresTheFile() {
        deadline.bind(TimeUnit.MILLISECONDS.toNanos(1), alarms);
        boolean[] cancelled = {false};
        ((org.eclipse.cdt.internal.core.util.ICanceler) deadline.parseLog()).setCancelable(() -> cancelled[0] = true);
        sleep(20);
        assertFalse(cancelled[0]);
        alarms.ringLast();
        assertTrue(cancelled[0], "the alarm cancels the parse under way, which no clock reading does");
        assertTrue(deadline.expired());
        assertTrue(deadline.overdueBy(0));
        assertEquals(1, alarms.held.size());
    }

    /** A scheduler that keeps the alarms set on it for the test to ring. */
    private static final class HeldAlarms extends ScheduledThreadPoolExecutor {
        final List<Runnable> held = new ArrayList<>();

        HeldAlarms() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable alarm, long delay, TimeUnit unit) {
            held.add(alarm);
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }

        void ringLast() {
            held.get(held.size() - 1).run();
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
