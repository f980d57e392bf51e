package org.voc.events;

import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of event, as producer and consumers both name it: the topic it travels on, its CloudEvents
 * {@code ce_type}, its payload class and how a payload names its record key (the aggregate id). Each payload record
 * declares its descriptor as {@code TYPE}, so no call site spells a topic or a type string.
 *
 * @param <T> the payload record
 */
public final class EventType<T> {

    private final String topic;
    private final String type;
    private final Class<T> payloadClass;
    private final Function<T, String> key;

    private EventType(String topic, String type, Class<T> payloadClass, Function<T, String> key) {
        this.topic = Objects.requireNonNull(topic);
        this.type = Objects.requireNonNull(type);
        this.payloadClass = Objects.requireNonNull(payloadClass);
        this.key = Objects.requireNonNull(key);
    }

    /** A descriptor; {@code type} gets a new version suffix for a breaking change, never an edit. */
    public static <T> EventType<T> of(String topic, String type, Class<T> payloadClass, Function<T, String> key) {
        return new EventType<>(topic, type, payloadClass, key);
    }

    /** The event of one payload, keyed as this type keys it. */
    public Event<T> of(T payload) {
        return new Event<>(this, key.apply(payload), payload);
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code ce_type}, e.g. {@code voc.response.submitted.v1}. */
    public String type() {
        return type;
    }

    public Class<T> payloadClass() {
        return payloadClass;
    }

    @Override
    public String toString() {
        return type + " on " + topic;
    }
}
