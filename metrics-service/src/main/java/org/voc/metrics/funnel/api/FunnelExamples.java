package org.voc.metrics.funnel.api;

/** The funnel's OpenAPI examples, kept apart so the resource reads as the API it serves. */
final class FunnelExamples {

    static final String BY_DELIVERY_CHANNEL = """
            {"from": "2026-11-01T00:00:00Z", "to": "2026-11-30T23:59:59.999999999Z", "timeZone": "UTC",
             "granularity": null, "groupBy": ["deliveryChannel"], "confidenceLevel": 0.95,
             "rows": [
              {"period": null, "survey": null, "touchpoint": null, "channel": null, "deliveryChannel": "EMAIL",
               "issued": 263, "opened": 140, "answered": 81, "expired": 90, "stillOpen": 92, "openRate": 0.5323,
               "responseRate": 0.308, "responseRateInterval": {"lower": 0.2553, "upper": 0.3662}},
              {"period": null, "survey": null, "touchpoint": null, "channel": null, "deliveryChannel": "SMS",
               "issued": 20, "opened": 3, "answered": 0, "expired": 20, "stillOpen": 0, "openRate": 0.15,
               "responseRate": 0.0, "responseRateInterval": {"lower": 0.0, "upper": 0.1611}}]}""";

    static final String DAILY = """
            {"from": "2026-10-31T23:00:00Z", "to": "2026-11-02T22:59:59.999999999Z",
             "timeZone": "Europe/Paris", "granularity": "day", "groupBy": [], "confidenceLevel": 0.95,
             "rows": [
              {"period": "2026-11-01T00:00:00+01:00", "survey": null, "touchpoint": null, "channel": null,
               "deliveryChannel": null, "issued": 120, "opened": 64, "answered": 30, "expired": 0,
               "stillOpen": 90, "openRate": 0.5333, "responseRate": 0.25,
               "responseRateInterval": {"lower": 0.1811, "upper": 0.3344}}]}""";

    static final String BAD_GROUP = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "groupBy must be survey, touchpoint, channel or deliveryChannel (got 'segment')",
             "instance": "/api/metrics/funnel",
             "errors": [{"field": "groupBy",
                         "message": "must be survey, touchpoint, channel or deliveryChannel (got 'segment')"}]}""";

    private FunnelExamples() {}
}
