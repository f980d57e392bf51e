package org.voc.metrics.scores.api;

/** The metrics service's OpenAPI examples, kept apart so the resources read as the API they serve. */
final class Examples {

    static final String NPS = """
            {"touchpoint": "card-delivery", "channel": null, "from": "2026-11-01T00:00:00Z",
             "to": "2026-11-30T23:59:59.999999999Z", "n": 240, "promoters": 120, "passives": 60, "detractors": 60,
             "nps": 25.0, "marginOfError": 10.4, "confidenceLevel": 0.95}""";
    static final String CSAT_BY_SEGMENT_AND_CHANNEL = """
            {"metric": "csat", "question": null, "from": "2026-11-01T00:00:00Z",
             "to": "2026-11-30T23:59:59.999999999Z", "tz": "UTC", "granularity": null,
             "groupBy": ["segment", "channel"], "source": "day", "minSample": 30, "confidenceLevel": 0.95,
             "series": [{"groups": {"segment": "premium", "channel": "BRANCH"}, "n": 120, "value": 75.0,
               "interval": {"low": 66.6, "high": 81.9, "margin": 7.6}, "insufficientSample": false,
               "distribution": {"1": 5, "2": 7, "3": 18, "4": 40, "5": 50},
               "satisfied": {"count": 90, "percent": 75.0, "interval": {"low": 66.6, "high": 81.9, "margin": 7.6}},
               "problem": {"count": 12, "percent": 10.0, "interval": {"low": 5.8, "high": 16.7, "margin": 5.4}},
               "mean": 4.0},
              {"groups": {"segment": "mass", "channel": "WEB"}, "n": 12, "value": 50.0,
               "interval": {"low": 25.4, "high": 74.6, "margin": 24.6}, "insufficientSample": true,
               "distribution": {"1": 2, "2": 1, "3": 3, "4": 3, "5": 3},
               "satisfied": {"count": 6, "percent": 50.0, "interval": {"low": 25.4, "high": 74.6, "margin": 24.6}},
               "problem": {"count": 3, "percent": 25.0, "interval": {"low": 8.9, "high": 53.2, "margin": 22.2}},
               "mean": 3.25}]}""";
    static final String NPS_DAILY = """
            {"metric": "nps", "question": null, "from": "2026-11-01T00:00:00+03:00",
             "to": "2026-11-02T23:59:59.999999999+03:00", "tz": "Europe/Moscow", "granularity": "day", "groupBy": [],
             "source": "hour", "minSample": 30, "confidenceLevel": 0.95,
             "series": [{"period": "2026-11-01T00:00:00+03:00", "n": 40, "value": 25.0,
               "interval": {"low": 1.3, "high": 45.1, "margin": 21.9}, "insufficientSample": false,
               "promoters": 18, "passives": 14, "detractors": 8,
               "promotersShare": {"count": 18, "percent": 45.0,
                 "interval": {"low": 30.7, "high": 60.2, "margin": 14.7}},
               "passivesShare": {"count": 14, "percent": 35.0, "interval": {"low": 22.1, "high": 50.5, "margin": 14.2}},
               "detractorsShare": {"count": 8, "percent": 20.0, "interval": {"low": 10.5, "high": 34.8, "margin": 12.2}}
               }]}""";
    static final String CSV = """
            period,segment,channel,n,value,low,high,margin,insufficientSample\r
            ,premium,BRANCH,120,75.0,66.6,81.9,7.6,false\r
            ,'=cmd,WEB,12,50.0,25.4,74.6,24.6,true\r
            """;
    static final String COMPARISON = """
            {"metric": "csat",
             "current": {"from": "2026-11-24T00:00:00Z", "to": "2026-11-30T23:59:59.999999999Z", "filters": {},
               "figures": {"n": 100, "value": 45.0, "interval": {"low": 35.6, "high": 54.8, "margin": 9.6},
                 "insufficientSample": false, "satisfied": {"count": 45, "percent": 45.0,
                 "interval": {"low": 35.6, "high": 54.8, "margin": 9.6}}}},
             "baseline": {"from": "2026-10-27T00:00:00Z", "to": "2026-11-23T23:59:59.999999999Z", "filters": {},
               "figures": {"n": 100, "value": 30.0, "interval": {"low": 21.9, "high": 39.6, "margin": 8.9},
                 "insufficientSample": false, "satisfied": {"count": 30, "percent": 30.0,
                 "interval": {"low": 21.9, "high": 39.6, "margin": 8.9}}}},
             "alpha": 0.05,
             "tests": [{"figure": "satisfied", "method": "two-proportion-z", "difference": 15.0,
               "statistic": 2.19, "pValue": 0.0285, "significant": true}]}""";
    static final String BAD_GROUP_BY = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "groupBy takes at most two dimensions", "instance": "/api/metrics/csat/stats",
             "errors": [{"field": "groupBy", "message": "takes at most two dimensions"}]}""";

    private Examples() {}
}
