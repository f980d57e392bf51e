package org.voc.kit.commit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Unavailable;

/**
 * How one item of a batch request ended: its result, or the problem to show for it. A batch endpoint answers once
 * every item has settled, each on its own, so a client resends only the items that failed (each carries its own
 * idempotency key).
 */
public record Settled<R>(R result, DomainException problem) {

    /**
     * Submits the items in order and completes once every one has settled. A submission refused at once (the queue
     * filled up meanwhile) or failed later with a {@link DomainException} settles with that problem; any other
     * failure as {@link Unavailable} (not stored: send it again).
     */
    public static <T, R> CompletableFuture<List<Settled<R>>> all(
            List<T> items, Function<T, CompletableFuture<R>> submit, Duration retryAfter) {
        List<CompletableFuture<Settled<R>>> settled = new ArrayList<>(items.size());
        for (T item : items) {
            CompletableFuture<Settled<R>> one;
            try {
                one = submit.apply(item)
                        .handle((result, failure) -> failure == null
                                ? new Settled<>(result, null)
                                : new Settled<>(null, problem(failure, retryAfter)));
            } catch (DomainException e) {
                one = CompletableFuture.completedFuture(new Settled<>(null, e));
            }
            settled.add(one);
        }
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new))
                .thenApply(done -> settled.stream().map(CompletableFuture::join).toList());
    }

    private static DomainException problem(Throwable failure, Duration retryAfter) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof DomainException known
                ? known
                : new Unavailable("the item could not be stored; send it again", retryAfter);
    }
}
