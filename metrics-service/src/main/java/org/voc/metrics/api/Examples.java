package org.voc.metrics.api;

/** The metrics service's OpenAPI examples, kept apart so the resources read as the API they serve. */
final class Examples {

    static final String NPS = """
            {"touchpoint": "card-delivery", "channel": null, "from": "2026-11-01T00:00:00Z",
             "to": "2026-11-30T23:59:59.999999999Z", "n": 240, "promoters": 120, "passives": 60, "detractors": 60,
             "nps": 25.0, "marginOfError": 10.5, "confidenceLevel": 0.95}""";
    static final String FROM_AFTER_TO = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "from must not be after to (2026-11-01T23:59:59.999999999Z)", "instance": "/api/metrics/nps",
             "errors": [{"field": "from", "message": "must not be after to (2026-11-01T23:59:59.999999999Z)"}]}""";

    private Examples() {}
}
