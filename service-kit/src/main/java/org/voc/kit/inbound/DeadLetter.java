package org.voc.kit.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that can never be applied, and why. */
public record DeadLetter(ConsumerRecord<String, String> record, String reason) {}
