package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.parser.NullLogService;
import org.eclipse.cdt.internal.core.util.ICancelable;
import org.eclipse.cdt.internal.core.util.ICanceler;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The time one file may take (parses, recovery, configurations and the analysis of its
 * functions). When it runs out, the parse under way is cancelled through CDT's own cancellation
 * hook and the file's work stops at the next check; the file is then reported as abandoned and
 * the scan goes on. Work done for the whole scan on the file's thread (reading the tree for the
 * definition index, at the first helper looked up) does not count: which file asks first
 * depends on the threads' timing, and no file is abandoned for it.
 */
final class FileDeadline {

    /** The file's time ran out. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("time limit reached", null, false, false);
        }
    }

    private static final ThreadLocal<FileDeadline> CURRENT = new ThreadLocal<>();

    /** How soon an alarm that rang while the time was stopped looks again. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private volatile boolean expired;
    private volatile ICancelable running;
    private volatile long endsAt = Long.MAX_VALUE;
    /** Nested {@link #notCounting} calls under way: the clock is stopped meanwhile. */
    private final AtomicInteger stopped = new AtomicInteger();
    private volatile boolean released;
    private volatile ScheduledFuture<?> alarm;
    private ScheduledExecutorService alarms;

    /** The deadline of the file this thread works on, or one that never expires. */
    static FileDeadline current() {
        FileDeadline d = CURRENT.get();
        return d == null ? new FileDeadline() : d;
    }

    /** Makes this the current thread's deadline, ending {@code nanos} from now, until {@link #release()}. */
    FileDeadline bind(long nanos) {
        long now = System.nanoTime();
        endsAt = nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
        CURRENT.set(this);
        return this;
    }

    /**
     * {@link #bind(long)}, with an alarm on {@code alarms} that expires the file when its time is
     * up, cancelling the parse under way, until {@link #release()}.
     */
    FileDeadline bind(long nanos, ScheduledExecutorService alarms) {
        bind(nanos);
        this.alarms = alarms;
        if (endsAt != Long.MAX_VALUE) {
            alarm = alarms.schedule(this::alarmRang, nanos, TimeUnit.NANOSECONDS);
        }
        return this;
    }

    void release() {
        released = true;
        ScheduledFuture<?> pending = alarm;
        if (pending != null) {
            pending.cancel(false);
        }
        CURRENT.remove();
    }

    /** The alarm expires the file, unless the time stopped or moved on since it was set: then it rings again later. */
    private void alarmRang() {
        if (released) {
            return;
        }
        // stopped before endsAt: notCounting moves endsAt on before it lets the clock run again
        boolean paused = stopped.get() > 0;
        long left = endsAt - System.nanoTime();
        if (paused || left > 0) {
            alarm = alarms.schedule(this::alarmRang, paused ? RECHECK_NANOS : left, TimeUnit.NANOSECONDS);
            return;
        }
        expire();
    }

    /** Runs work that is the scan's, not this file's: the file's time stops meanwhile, and goes on after it. */
    <T> T notCounting(Supplier<T> work) {
        stopped.incrementAndGet();
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            if (endsAt != Long.MAX_VALUE) {
                endsAt += System.nanoTime() - start;
            }
            stopped.decrementAndGet();
        }
    }

    /** Whether the file's time ran out more than {@code grace} ago (not while it is stopped). */
    boolean overdueBy(long grace) {
        return endsAt != Long.MAX_VALUE && stopped.get() == 0 && System.nanoTime() - endsAt > grace;
    }

    void expire() {
        expired = true;
        ICancelable parse = running;
        if (parse != null) {
            parse.cancel();
        }
    }

    /** Whether the time is up: told so by the alarm, or seen on the clock. */
    boolean expired() {
        if (!expired && stopped.get() == 0 && System.nanoTime() - endsAt >= 0 && endsAt != Long.MAX_VALUE) {
            expired = true;
        }
        return expired;
    }

    /** @throws Expired when the time is up */
    void check() {
        if (expired()) {
            throw new Expired();
        }
    }

    /** A CDT log service through which CDT hands over the parse it runs, so it can be cancelled. */
    NullLogService parseLog() {
        return new CancellingLog();
    }

    private final class CancellingLog extends NullLogService implements ICanceler {
        @Override
        public void setCancelable(ICancelable cancelable) {
            running = cancelable;
            if (cancelable != null && expired) {
                cancelable.cancel();
            }
        }

        @Override
        public void setCanceled(boolean canceled) {
            if (canceled) {
                expire();
            }
        }

        @Override
        public boolean isCanceled() {
            return expired;
        }
    }
}
