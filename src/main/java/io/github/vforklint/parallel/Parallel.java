package io.github.vforklint.parallel;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A function applied to every element of a list on {@code jobs} threads, for the steps between
 * the parallel ones that one thread would otherwise run while the other cores idle. With one job,
 * or fewer than two elements, it runs on the calling thread and starts none.
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * {@code function} of each element, in the elements' order.
     *
     * @throws RuntimeException what {@code function} threw, itself (for one of them, when several threw)
     */
    public static <T, R> List<R> map(List<T> elements, Function<? super T, ? extends R> function, int jobs) {
        if (jobs <= 1 || elements.size() < 2) {
            return elements.stream().<R>map(function).toList();
        }
        // caught in the task: the pool would hand the caller a copy of the exception, not the one thrown
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Function<T, R> guarded = element -> {
            try {
                return function.apply(element);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                return null;
            }
        };
        ForkJoinPool pool = new ForkJoinPool(Math.min(jobs, elements.size()));
        List<R> results;
        try {
            results = pool.submit(() -> elements.parallelStream().map(guarded).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return results;
    }
}
