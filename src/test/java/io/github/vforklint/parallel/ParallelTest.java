package io.github.vforklint.parallel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {

    private static final List<Integer> NUMBERS = IntStream.range(0, 5_000).boxed().toList();

    @Test
    void resultsKeepTheInputOrderWhateverTheJobs() {
        List<String> expected = NUMBERS.stream().map(n -> "n" + n).toList();
        for (int jobs : new int[] {1, 2, 3, 8}) {
            assertEquals(expected, Parallel.map(NUMBERS, n -> "n" + n, jobs), "jobs " + jobs);
        }
    }

    @Test
    void oneJobRunsOnTheCallingThreadAlone() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Parallel.map(NUMBERS, n -> threads.add(Thread.currentThread()), 1);
        assertEquals(Set.of(Thread.currentThread()), threads);
    }

    @Test
    void noMoreThreadsThanJobsWork() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Parallel.map(NUMBERS, n -> threads.add(Thread.currentThread()), 2);
        assertFalse(threads.contains(Thread.currentThread()), "the pool's threads do the work");
        assertTrue(threads.size() <= 2, threads.toString());
    }

    @Test
    void whatTheFunctionThrowsReachesTheCaller() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad element");
        IllegalArgumentException caught = assertThrows(IllegalArgumentException.class,
                () -> Parallel.map(NUMBERS, n -> {
                    if (n == 4_321) {
                        throw thrown;
                    }
                    return n;
                }, 2));
        assertSame(thrown, caught);
    }
}
