package org.voc.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Closed-loop load for the benchmarks: {@code clients} threads send requests back to back for a while and record
 * the latency of every request answered with the expected status; the rest count as failures.
 */
final class Load {

    private static final int MAX_REQUESTS = 2_000_000;

    /** What one run measured: latencies in nanoseconds (sorted), failures and the elapsed seconds. */
    record Result(long[] latencies, int failures, double seconds) {

        double perSecond(int itemsPerRequest) {
            return latencies.length * (double) itemsPerRequest / seconds;
        }

        /** The latency at a quantile (0–1) in milliseconds. */
        double ms(double quantile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(quantile * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    private Load() {}

    /**
     * Runs {@code clients} threads for {@code length}. Each sends {@code request.get()}; an answer with
     * {@code expectedStatus} is recorded and handed to {@code onAnswer} (may be null).
     */
    static Result run(
            HttpClient http,
            int clients,
            Duration length,
            Supplier<HttpRequest> request,
            int expectedStatus,
            Consumer<HttpResponse<String>> onAnswer)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        long[] latencies = new long[MAX_REQUESTS];
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end && sent.incrementAndGet() < MAX_REQUESTS) {
                    HttpRequest next = request.get();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(next, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != expectedStatus) {
                            failed.incrementAndGet();
                            continue;
                        }
                        int i = recorded.getAndIncrement();
                        if (i < latencies.length) {
                            latencies[i] = System.nanoTime() - t0;
                        }
                        if (onAnswer != null) {
                            onAnswer.accept(r);
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(length.toSeconds() + 60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, Math.min(recorded.get(), latencies.length));
        Arrays.sort(sorted);
        return new Result(sorted, failed.get(), seconds);
    }
}
