package org.voc.cases.api;

/** The case service's OpenAPI examples, kept apart so the resources read as the API they serve. */
final class Examples {

    static final String CASE_VIEW = """
            {"id": "0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10", "responseId": "5f1d2c3b-9a8e-4f7d-b6c5-1a2b3c4d5e6f",
             "surveyId": "c4a1e2d3-7b6f-4e5d-9c8b-0a1b2c3d4e5f", "touchpointKey": "card-delivery", "team": "cards-ops",
             "customerRef": "cust-4711", "nps": 3, "comment": "The card arrived a week late and nobody called",
             "priority": "HIGH", "status": "OPEN", "openedAt": "2026-11-25T09:00:02.123456Z",
             "respondedAt": "2026-11-25T09:00:00Z", "dueAt": "2026-11-26T09:00:02.123456Z",
             "matchedRules": [{"id": "00000000-0000-4000-8000-000000000001", "name": "NPS detractor"},
                              {"id": "00000000-0000-4000-8000-000000000002", "name": "NPS strong detractor"}],
             "firstContactTarget": "PT24H", "resolutionTarget": "PT120H"}""";
    private static final String NEXT_CURSOR =
            "MjAyNi0xMS0yNVQwOTowMDowMi4xMjM0NTZafDBiN2UzYzUyLThkMGYtNGE1NS1hMWY2LTNjMmI5ZTdkNGExMA";
    static final String CASE_PAGE = "{\"items\": [" + CASE_VIEW + "], \"nextCursor\": \"" + NEXT_CURSOR + "\"}";
    static final String UNKNOWN_STATUS = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "must be one of [OPEN, IN_PROGRESS, RESOLVED, CLOSED]", "instance": "/api/cases",
             "errors": [{"field": "status", "message": "must be one of [OPEN, IN_PROGRESS, RESOLVED, CLOSED]"}]}""";
    static final String NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "case not found", "status": 404,
             "detail": "case '0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10' does not exist",
             "instance": "/api/cases/0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10"}""";

    private Examples() {}
}
