package org.voc.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.voc.testsupport.TopicReader;

/** Reads matching events until the expected number arrived, then a little longer to catch duplicates. */
final class Events {

    /** How long to keep reading after the expected events arrived; a duplicate would come within it. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private Events() {
    }

    static List<TopicReader.Event> collect(TopicReader reader, Predicate<TopicReader.Event> match, int expected,
            Duration timeout) {
        List<TopicReader.Event> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            found.addAll(reader.awaitMatching(match, Duration.between(Instant.now(), deadline)));
        }
        found.addAll(reader.awaitMatching(match, SETTLE));
        return found;
    }
}
