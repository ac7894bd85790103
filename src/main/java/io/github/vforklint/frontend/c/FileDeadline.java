package io.github.vforklint.frontend.c;

import org.eclipse.cdt.core.parser.NullLogService;
import org.eclipse.cdt.internal.core.util.ICancelable;
import org.eclipse.cdt.internal.core.util.ICanceler;

/**
 * The time one file may take (parses, recovery, configurations and the analysis of its
 * functions). When it runs out, the parse under way is cancelled through CDT's own cancellation
 * hook and the file's work stops at the next check; the file is then reported as abandoned and
 * the scan goes on.
 */
final class FileDeadline {

    /** The file's time ran out. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("time limit reached", null, false, false);
        }
    }

    private static final ThreadLocal<FileDeadline> CURRENT = new ThreadLocal<>();

    private volatile boolean expired;
    private volatile ICancelable running;
    private volatile long endsAt = Long.MAX_VALUE;

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

    void release() {
        CURRENT.remove();
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
        if (!expired && System.nanoTime() - endsAt >= 0 && endsAt != Long.MAX_VALUE) {
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
