package org.voc.events;

/** Kafka header names of the CloudEvents binary mode (CloudEvents Kafka protocol binding 1.0). */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {}
}
