package org.voc.e2e;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Polling a service until its answer shows what an event-driven step brought about. */
final class Polls {

    private Polls() {}

    /**
     * Calls until {@code done} holds and returns that answer; on timeout fails with the last answer seen, so the
     * report says what the service said rather than only that it did not say the right thing.
     */
    static Response await(Supplier<Response> call, Predicate<Response> done, String what, Duration patience) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return Awaitility.await(what)
                    .atMost(patience)
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> {
                                last.set(call.get());
                                return last.get();
                            },
                            done);
        } catch (ConditionTimeoutException e) {
            Response seen = last.get();
            throw new AssertionError("timed out waiting until " + what + "; last answer: "
                    + (seen == null ? "none" : seen.statusCode() + " " + seen.asString()));
        }
    }
}
