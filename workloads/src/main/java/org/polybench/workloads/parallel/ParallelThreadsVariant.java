package org.polybench.workloads.parallel;

import org.polybench.workloads.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code java/threads} for {@code parallel}: a fixed pool of {@code threads} platform threads,
 * started before timing ({@link #setUp}); each call submits one contiguous chunk per thread and adds
 * the partial sums.
 */
public final class ParallelThreadsVariant implements Variant<ParallelInput, Long>, AutoCloseable {

    private ExecutorService pool;
    private int poolThreads;

    @Override
    public void setUp(ParallelInput input) {
        close();
        poolThreads = input.threads();
        // Daemon threads: an unclosed pool never keeps the JVM alive.
        pool = Executors.newFixedThreadPool(poolThreads, Thread.ofPlatform().daemon().name("parallel-", 0).factory());
        // a fixed pool starts its threads on the first submits; start them here, before any timed call
        ((java.util.concurrent.ThreadPoolExecutor) pool).prestartAllCoreThreads();
    }

    @Override
    public Long run(ParallelInput input) {
        if (pool == null || poolThreads != input.threads()) {
            setUp(input);
        }
        int t = input.threads();
        List<Future<Long>> parts = new ArrayList<>(t);
        for (int k = 0; k < t; k++) {
            long lo = Parallel.chunkStart(input.size(), t, k);
            long hi = Parallel.chunkStart(input.size(), t, k + 1);
            parts.add(pool.submit(() -> Parallel.chunkSum(input.seed(), lo, hi)));
        }
        long sum = 0;
        try {
            for (Future<Long> f : parts) {
                sum += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the worker threads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker thread failed", e.getCause());
        }
        return sum;
    }

    @Override
    public Map<String, Object> runtimeInfo() {
        return Map.of("executor", "Executors.newFixedThreadPool(" + poolThreads + "), platform threads");
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
