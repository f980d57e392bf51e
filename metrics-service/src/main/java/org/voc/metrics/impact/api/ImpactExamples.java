package org.voc.metrics.impact.api;

/** The impact API's OpenAPI examples, kept apart so the resource reads as the API it serves. */
final class ImpactExamples {

    static final String ASSESSED = """
            {"actionId": "5f1c9a70-2b4e-4d8a-9e61-7a3b2c1d0e9f", "title": "Courier SLA renegotiated",
             "ownerTeam": "card-ops", "touchpointKeys": ["card-delivery"], "metric": "nps", "question": null,
             "target": 20.0, "doneAt": "2026-10-01T00:00:00Z", "windowDays": 28, "minSample": 30,
             "receivedAt": "2026-10-01T08:12:40Z", "dueAt": "2026-10-29T01:00:00Z", "interim": false,
             "assessedAt": "2026-10-29T01:05:00Z",
             "before": {"from": "2026-09-03T00:00:00Z", "to": "2026-10-01T00:00:00Z", "n": 100, "value": -10.0,
                        "lower": -25.69, "upper": 6.27},
             "after": {"from": "2026-10-01T00:00:00Z", "to": "2026-10-29T00:00:00Z", "n": 100, "value": 30.0,
                       "lower": 14.05, "upper": 44.2},
             "difference": 40.0, "pValue": 0.00045, "alpha": 0.05, "insufficientSample": false,
             "verdict": "IMPROVED", "targetMet": true}""";

    static final String INTERIM = """
            {"actionId": "5f1c9a70-2b4e-4d8a-9e61-7a3b2c1d0e9f", "title": "Courier SLA renegotiated",
             "ownerTeam": "card-ops", "touchpointKeys": ["card-delivery"], "metric": "nps", "question": null,
             "target": 20.0, "doneAt": "2026-10-01T00:00:00Z", "windowDays": 28, "minSample": 30,
             "receivedAt": "2026-10-01T08:12:40Z", "dueAt": "2026-10-29T01:00:00Z", "interim": true,
             "assessedAt": null,
             "before": {"from": "2026-09-03T00:00:00Z", "to": "2026-10-01T00:00:00Z", "n": 100, "value": -10.0,
                        "lower": -25.69, "upper": 6.27},
             "after": {"from": "2026-10-01T00:00:00Z", "to": "2026-10-09T14:30:00Z", "n": 21, "value": 28.6,
                       "lower": -3.29, "upper": 53.29},
             "difference": 38.6, "pValue": 0.08, "alpha": 0.05, "insufficientSample": true,
             "verdict": null, "targetMet": true}""";

    static final String PAGE = """
            {"items": [{"actionId": "5f1c9a70-2b4e-4d8a-9e61-7a3b2c1d0e9f", "title": "Courier SLA renegotiated",
              "ownerTeam": "card-ops", "touchpointKeys": ["card-delivery"], "metric": "nps", "question": null,
              "target": 20.0, "doneAt": "2026-10-01T00:00:00Z", "windowDays": 28, "minSample": 30,
              "receivedAt": "2026-10-01T08:12:40Z", "dueAt": "2026-10-29T01:00:00Z", "interim": false,
              "assessedAt": "2026-10-29T01:05:00Z",
              "before": {"from": "2026-09-03T00:00:00Z", "to": "2026-10-01T00:00:00Z", "n": 100, "value": -10.0,
                         "lower": -25.69, "upper": 6.27},
              "after": {"from": "2026-10-01T00:00:00Z", "to": "2026-10-29T00:00:00Z", "n": 100, "value": 30.0,
                        "lower": 14.05, "upper": 44.2},
              "difference": 40.0, "pValue": 0.00045, "alpha": 0.05, "insufficientSample": false,
              "verdict": "IMPROVED", "targetMet": true}],
             "nextCursor": null}""";

    private ImpactExamples() {}
}
