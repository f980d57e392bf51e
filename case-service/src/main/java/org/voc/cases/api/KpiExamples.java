package org.voc.cases.api;

/** OpenAPI examples of the KPIs, apart from the resource (and from the cases' {@link Examples}). */
final class KpiExamples {

    static final String KPIS = """
            {"from": "2026-11-01T00:00:00Z", "to": "2026-11-30T23:59:59.999999999Z", "asOf": "2026-12-01T08:00:00Z",
             "team": "cards-ops", "touchpoint": null, "opened": 120,
             "firstContact": {"met": 96, "missed": 16, "pending": 8, "withinSla": 0.8571,
                              "medianHours": 1.75, "p90Hours": 6.4},
             "resolution": {"met": 81, "missed": 12, "pending": 27, "withinSla": 0.871,
                            "medianHours": 14.5, "p90Hours": 41.2},
             "backlog": {"total": 31, "underOneDay": 9, "oneToThreeDays": 12, "threeToSevenDays": 7,
                         "overSevenDays": 3},
             "breaches": {"firstContact": 16, "resolution": 9},
             "escalations": {"firstContact": 21, "resolution": 10},
             "recovery": {"requested": 40, "answered": 22, "recovered": 15, "rate": 0.6818}}""";
    static final String BAD_FROM = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "must be an ISO date such as 2026-11-01 or an ISO instant such as 2026-11-01T09:00:00Z",
             "instance": "/api/cases/kpis",
             "errors": [{"field": "from", "message":
                         "must be an ISO date such as 2026-11-01 or an ISO instant such as 2026-11-01T09:00:00Z"}]}""";

    private KpiExamples() {}
}
