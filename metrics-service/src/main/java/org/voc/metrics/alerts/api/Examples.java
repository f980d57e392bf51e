package org.voc.metrics.alerts.api;

/** The alert API's OpenAPI examples, kept apart so the resource reads as the API it serves. */
final class Examples {

    static final String RULE = """
            {"name": "Card delivery NPS drop", "metric": "nps", "filters": {"touchpoint": ["card-delivery"]},
             "window": "P7D", "baseline": "P28D", "minSample": 30, "alpha": 0.05, "minChange": 5}""";
    static final String RULE_VIEW = """
            {"id": "9d7b1c2e-4f60-4a8b-9c3d-1e2f3a4b5c6d", "name": "Card delivery NPS drop", "metric": "nps",
             "question": null, "filters": {"touchpoint": ["card-delivery"]}, "window": "PT168H",
             "baseline": "PT672H", "minSample": 30, "alpha": 0.05, "minChange": 5.0, "enabled": true, "revision": 0,
             "createdBy": "analyst", "createdAt": "2026-11-30T09:00:00Z", "updatedAt": "2026-11-30T09:00:00Z",
             "lastWindowTo": null}""";
    static final String ALERT = """
            {"id": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "ruleId": "9d7b1c2e-4f60-4a8b-9c3d-1e2f3a4b5c6d",
             "ruleName": "Card delivery NPS drop", "metric": "nps", "question": null,
             "filters": {"touchpoint": ["card-delivery"]}, "state": "OPEN",
             "windowFrom": "2026-11-23T10:00:00Z", "windowTo": "2026-11-30T10:00:00Z",
             "baselineFrom": "2026-10-26T10:00:00Z", "baselineTo": "2026-11-23T10:00:00Z",
             "currentN": 412, "current": 18.4, "baselineN": 1630, "baseline": 31.2, "difference": -12.8,
             "pValue": 0.0004, "firedAt": "2026-11-30T10:05:02Z", "lastSeenTo": "2026-11-30T12:00:00Z",
             "resolvedAt": null, "resolution": null}""";

    private Examples() {}
}
