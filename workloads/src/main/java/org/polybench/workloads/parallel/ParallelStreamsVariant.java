package org.polybench.workloads.parallel;

import org.polybench.workloads.*;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;

/**
 * {@code java/parallel-streams} for {@code parallel}: {@code LongStream.range(0, size).parallel()},
 * evaluated inside a {@code ForkJoinPool} of parallelism {@code threads} started before timing. A
 * parallel stream whose terminal operation runs in a ForkJoinPool task forks its subtasks into that
 * pool, not the common pool, so it uses exactly {@code threads} workers. The stream splits the
 * range by itself (not in {@code threads} chunks); the wrapping sum does not notice.
 */
public final class ParallelStreamsVariant implements Variant<ParallelInput, Long>, AutoCloseable {

    private ForkJoinPool pool;
    private int parallelism;

    @Override
    public void setUp(ParallelInput input) {
        close();
        pool = new ForkJoinPool(input.threads());
        parallelism = pool.getParallelism();
    }

    @Override
    public Long run(ParallelInput input) {
        if (pool == null || pool.getParallelism() != input.threads()) {
            setUp(input);
        }
        long seed = input.seed();
        try {
            return pool.submit(() -> LongStream.range(0, input.size())
                    .parallel()
                    .map(i -> Parallel.term(seed, i))
                    .reduce(0L, Long::sum)) // wraps mod 2^64
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stream", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the parallel stream failed", e.getCause());
        }
    }

    @Override
    public Map<String, Object> runtimeInfo() {
        return Map.of("fork_join_parallelism", parallelism);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
