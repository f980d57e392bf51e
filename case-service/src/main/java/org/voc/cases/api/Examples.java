package org.voc.cases.api;

/** The case service's OpenAPI examples, kept apart so the resources read as the API they serve. */
final class Examples {

    static final String ID = "0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10";
    static final String CASE_VIEW = """
            {"id": "0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10", "responseId": "5f1d2c3b-9a8e-4f7d-b6c5-1a2b3c4d5e6f",
             "surveyId": "c4a1e2d3-7b6f-4e5d-9c8b-0a1b2c3d4e5f", "touchpointKey": "card-delivery", "team": "cards-ops",
             "customerRef": "cust-4711", "nps": 3, "comment": "The card arrived a week late and nobody called",
             "priority": "HIGH", "status": "IN_CONTACT", "openedAt": "2026-11-27T16:55:00Z",
             "respondedAt": "2026-11-27T16:54:58Z", "dueAt": "2026-11-30T11:55:00Z",
             "matchedRules": [{"id": "00000000-0000-4000-8000-000000000001", "name": "NPS detractor"},
                              {"id": "00000000-0000-4000-8000-000000000002", "name": "NPS strong detractor"}],
             "firstContactTarget": "PT4H", "resolutionTarget": "PT120H", "version": 2, "assignee": "anna.agent",
             "assignedAt": "2026-11-30T08:05:00Z", "firstContactDueAt": "2026-11-30T11:55:00Z",
             "resolutionDueAt": "2026-12-11T11:55:00Z", "firstContactAt": "2026-11-30T08:40:00Z",
             "contactChannel": "PHONE", "contactOutcome": "REACHED", "firstContactBusinessSeconds": 2700,
             "resolvedAt": null, "resolutionCode": null, "resolutionNote": null, "gesture": null,
             "resolutionBusinessSeconds": null, "closedAt": null, "reopenedCount": 0, "rootCauses": []}""";
    private static final String NEXT_CURSOR =
            "MjAyNi0xMS0yNVQwOTowMDowMi4xMjM0NTZafDBiN2UzYzUyLThkMGYtNGE1NS1hMWY2LTNjMmI5ZTdkNGExMA";
    static final String CASE_PAGE = "{\"items\": [" + CASE_VIEW + "], \"nextCursor\": \"" + NEXT_CURSOR + "\"}";
    static final String UNKNOWN_STATUS = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "must be one of [OPEN, ASSIGNED, IN_CONTACT, WAITING_ON_CUSTOMER, RESOLVED, CLOSED]",
             "instance": "/api/cases", "errors": [{"field": "status",
             "message": "must be one of [OPEN, ASSIGNED, IN_CONTACT, WAITING_ON_CUSTOMER, RESOLVED, CLOSED]"}]}""";
    static final String NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "case not found", "status": 404,
             "detail": "case '0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10' does not exist",
             "instance": "/api/cases/0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10"}""";

    static final String HISTORY = """
            {"items": [
              {"id": 1, "at": "2026-11-27T16:55:00Z", "actor": "case-service", "action": "OPEN", "fromStatus": null,
               "toStatus": "OPEN", "details": {}},
              {"id": 7, "at": "2026-11-30T08:05:00Z", "actor": "anna.agent", "action": "CLAIM", "fromStatus": "OPEN",
               "toStatus": "ASSIGNED", "details": {"assignee": "anna.agent", "previousAssignee": null}},
              {"id": 9, "at": "2026-11-30T08:40:00Z", "actor": "anna.agent", "action": "CONTACT",
               "fromStatus": "ASSIGNED", "toStatus": "IN_CONTACT",
               "details": {"channel": "PHONE", "outcome": "REACHED", "first": true,
                           "note": "Apologised for the delay; the card goes out by courier tomorrow"}}]}""";
    static final String ASSIGN = "{\"assignee\": \"anna.agent\"}";
    static final String CONTACT = """
            {"channel": "PHONE", "outcome": "REACHED",
             "note": "Apologised for the delay; the card goes out by courier tomorrow"}""";
    static final String RESOLVE = """
            {"code": "REISSUED_CARD", "note": "Card reissued with express delivery",
             "gesture": {"type": "FEE_REFUND", "amount": 15.00, "currency": "EUR"},
             "rootCauses": ["6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21"]}""";
    static final String ROOT_CAUSES = "{\"rootCauses\": [\"6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21\"]}";
    static final String RETIRED_CAUSE = """
            {"type": "urn:voc:problem:root-cause-retired", "title": "Root cause retired", "status": 409,
             "detail": "root cause 'COURIER_LATE' is retired: choose an active one",
             "instance": "/api/cases/0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10/resolve",
             "errors": [{"field": "rootCauses[0]",
                         "message": "root cause 'COURIER_LATE' is retired: choose an active one"}]}""";
    static final String CAUSE_REQUIRED = """
            {"type": "urn:voc:problem:root-cause-required", "title": "Root cause required", "status": 409,
             "detail": "case '0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10' has no root cause: set one\
             (PUT /api/cases/{id}/root-causes) before closing it",
             "instance": "/api/cases/0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10/close",
             "errors": [{"field": "rootCauses", "message": "case '0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10' has no root\
             cause: set one (PUT /api/cases/{id}/root-causes) before closing it"}]}""";

    static final String REOPEN = "{\"reason\": \"Customer called: the new card has not arrived either\"}";
    static final String ILLEGAL = """
            {"type": "urn:voc:problem:illegal-transition", "title": "Illegal transition", "status": 409,
             "detail": "a case that is OPEN cannot be RESOLVE: allowed from [IN_CONTACT]",
             "instance": "/api/cases/0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10/resolve",
             "errors": [{"field": "status",
                         "message": "a case that is OPEN cannot be RESOLVE: allowed from [IN_CONTACT]"}]}""";
    static final String NOT_A_MEMBER = """
            {"type": "urn:voc:problem:not-a-member", "title": "Not a member of the team", "status": 409,
             "detail": "'bob' is not a member of team 'cards-ops'",
             "instance": "/api/cases/0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10/assign",
             "errors": [{"field": "assignee", "message": "'bob' is not a member of team 'cards-ops'"}]}""";
    static final String BAD_AMOUNT = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "gesture.amount must be greater than or equal to 0",
             "instance": "/api/cases/0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10/resolve",
             "errors": [{"field": "gesture.amount", "message": "must be greater than or equal to 0"}]}""";

    private Examples() {}
}
