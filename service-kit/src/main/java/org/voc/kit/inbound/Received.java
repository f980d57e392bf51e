package org.voc.kit.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.voc.events.EventType;

/** One usable event with the record it came in (for its raw value, key, offset). */
public record Received<T>(ConsumerRecord<String, String> record, EventType<T> type, T event) {}
