package org.voc.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Open-loop load for the freshness benchmark: requests are due at a fixed rate whatever the answers (a slow system
 * does not slow the load down, as real respondents would not). The pacer wakes every 10 ms and releases every
 * request due since the last wake, so a late wake catches up instead of losing the rate. Two ways to send:
 * <ul>
 *   <li>{@code THREADS}: {@code concurrency} threads take due requests from a bounded queue and send them with the
 *       blocking client, the way {@link Load} does; a request that finds the queue full is dropped and counted;
 *   <li>{@code ASYNC}: the pacer sends with {@code sendAsync}, at most {@code concurrency} in flight; a request due
 *       while that many are in flight is dropped and counted (the generator this benchmark had first, kept to
 *       compare).
 * </ul>
 * Latency is taken from when a request was due, so time spent waiting for a sender counts (no coordinated
 * omission); service time from when it was sent.
 */
final class OpenLoad {

    enum Mode {
        THREADS,
        ASYNC
    }

    private static final int MAX_SAMPLES = 2_000_000;
    private static final long TICK_MS = 10;

    /** What a run did: counts, elapsed seconds, and latencies in nanoseconds (sorted). */
    record Result(
            long due, int sent, int accepted, int failed, int dropped, double seconds, long[] lag, long[] service) {

        double acceptedPerSecond() {
            return accepted / seconds;
        }
    }

    private final HttpClient http;
    private final Mode mode;
    private final int rate;
    private final int concurrency;
    private final Supplier<HttpRequest> request;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicLong due = new AtomicLong();
    private final long[] lag = new long[MAX_SAMPLES];
    private final long[] service = new long[MAX_SAMPLES];
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<Long> queue;
    private final Semaphore inFlight;
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean stopping;
    private long start;
    private long stoppedAt;

    private OpenLoad(HttpClient http, Mode mode, int rate, int concurrency, Supplier<HttpRequest> request) {
        this.http = http;
        this.mode = mode;
        this.rate = rate;
        this.concurrency = concurrency;
        this.request = request;
        this.queue = new ArrayBlockingQueue<>(Math.max(concurrency, rate / 10));
        this.inFlight = new Semaphore(concurrency);
    }

    /** Starts sending {@code request.get()} at {@code rate} per second; every answer but 201 counts as failed. */
    static OpenLoad start(HttpClient http, Mode mode, int rate, int concurrency, Supplier<HttpRequest> request) {
        OpenLoad load = new OpenLoad(http, mode, rate, concurrency, request);
        load.begin();
        return load;
    }

    private void begin() {
        start = System.nanoTime();
        if (mode == Mode.THREADS) {
            for (int i = 0; i < concurrency; i++) {
                Thread sender = new Thread(this::sendFromQueue, "open-load-" + i);
                sender.setDaemon(true);
                sender.start();
                senders.add(sender);
            }
        }
        pacer.scheduleAtFixedRate(this::release, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void release() {
        long now = System.nanoTime();
        long dueNow = (now - start) * rate / TimeUnit.SECONDS.toNanos(1);
        for (long n = due.get(); n < dueNow; n++) {
            long dueAt = start + n * TimeUnit.SECONDS.toNanos(1) / rate;
            if (mode == Mode.THREADS) {
                if (!queue.offer(dueAt)) {
                    dropped.incrementAndGet(); // every sender busy and a backlog waiting: not keeping up
                }
            } else {
                sendAsync(dueAt);
            }
        }
        due.set(dueNow);
    }

    private void sendFromQueue() {
        while (true) {
            Long dueAt;
            try {
                dueAt = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (dueAt == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            long sentAt = System.nanoTime();
            sent.incrementAndGet();
            try {
                HttpResponse<String> r = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                answered(r.statusCode(), dueAt, sentAt);
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sendAsync(long dueAt) {
        if (!inFlight.tryAcquire()) {
            dropped.incrementAndGet(); // as many in flight as allowed: not keeping up
            return;
        }
        long sentAt = System.nanoTime();
        sent.incrementAndGet();
        http.sendAsync(request.get(), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            inFlight.release();
            if (e == null) {
                answered(r.statusCode(), dueAt, sentAt);
            } else {
                failed.incrementAndGet();
            }
        });
    }

    private void answered(int status, long dueAt, long sentAt) {
        if (status != 201) {
            failed.incrementAndGet();
            return;
        }
        long now = System.nanoTime();
        accepted.incrementAndGet();
        int i = samples.getAndIncrement();
        if (i < MAX_SAMPLES) {
            lag[i] = now - dueAt;
            service[i] = now - sentAt;
        }
    }

    /** Stops releasing requests and waits until every request sent has its answer. */
    Result stop() throws InterruptedException {
        pacer.shutdown();
        pacer.awaitTermination(10, TimeUnit.SECONDS);
        stoppedAt = System.nanoTime();
        stopping = true;
        if (mode == Mode.THREADS) {
            List<Long> neverSent = new ArrayList<>();
            queue.drainTo(neverSent);
            dropped.addAndGet(neverSent.size());
            for (Thread sender : senders) {
                sender.join(TimeUnit.SECONDS.toMillis(60));
            }
        } else {
            inFlight.acquire(concurrency);
        }
        int n = Math.min(samples.get(), MAX_SAMPLES);
        long[] lags = Arrays.copyOf(lag, n);
        long[] services = Arrays.copyOf(service, n);
        Arrays.sort(lags);
        Arrays.sort(services);
        return new Result(
                due.get(),
                sent.get(),
                accepted.get(),
                failed.get(),
                dropped.get(),
                (stoppedAt - start) / 1e9,
                lags,
                services);
    }

    /** A latency at a quantile (0–1) in milliseconds; -1 without samples. */
    static long ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return -1;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return TimeUnit.NANOSECONDS.toMillis(sortedNanos[Math.max(0, index)]);
    }
}
