package org.voc.cases.actions.api;

/** The OpenAPI examples of improvement actions, kept apart so the resources read as the API they serve. */
final class ActionExamples {

    static final String ID = "3f2a9c1e-5b7d-4e8f-a0b1-c2d3e4f5a6b7";
    static final String CASE_ID = "0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10";
    static final String WRITE = """
            {"title": "Courier SLA with the card carrier",
             "description": "Contract a next-day delivery SLA and track every card shipment",
             "ownerTeam": "cards-ops", "rootCauseIds": ["7c9e6679-7425-40de-944b-e07fc1f90ae7"],
             "touchpointKeys": ["card-delivery"], "dueDate": "2026-12-31",
             "expectedEffect": {"metric": "nps", "target": 20}, "impactWindowDays": 28, "minSample": 30}""";
    static final String PROPOSAL = """
            {"title": "Courier SLA with the card carrier",
             "description": "Cards keep arriving a week late; the carrier has no delivery SLA"}""";
    static final String VIEW = """
            {"id": "3f2a9c1e-5b7d-4e8f-a0b1-c2d3e4f5a6b7", "title": "Courier SLA with the card carrier",
             "description": "Contract a next-day delivery SLA and track every card shipment", "ownerTeam": "cards-ops",
             "rootCauseIds": ["7c9e6679-7425-40de-944b-e07fc1f90ae7"], "touchpointKeys": ["card-delivery"],
             "dueDate": "2026-12-31", "expectedEffect": {"metric": "nps", "question": null, "target": 20},
             "impactWindowDays": 28, "minSample": 30, "status": "DONE", "version": 5,
             "createdAt": "2026-11-02T09:00:00Z", "createdBy": "carla.analyst", "updatedAt": "2026-12-29T06:00:00Z",
             "doneAt": "2026-11-30T08:00:00Z", "linkedCases": 8, "detractorCases": 7, "suggestedPriority": 700,
             "verdict": {"verdict": "IMPROVED", "doneAt": "2026-11-30T08:00:00Z", "beforeN": 412, "beforeValue": -12.4,
                         "afterN": 398, "afterValue": 9.8, "difference": 22.2, "pValue": 0.0004, "targetMet": false,
                         "insufficientSample": false, "assessedAt": "2026-12-29T06:00:00Z"}}""";
    static final String PAGE = "{\"items\": [" + VIEW + "], \"nextCursor\": null}";
    static final String HISTORY = """
            {"items": [
              {"id": 1, "at": "2026-11-02T09:00:00Z", "actor": "carla.analyst", "action": "CREATE",
               "fromStatus": null, "toStatus": "PROPOSED", "details": {"title": "Courier SLA with the card carrier"}},
              {"id": 9, "at": "2026-12-29T06:00:00Z", "actor": "case-service", "action": "VERDICT",
               "fromStatus": "DONE", "toStatus": "DONE",
               "details": {"verdict": "IMPROVED", "pValue": 0.0004, "difference": 22.2,
                           "assessedAt": "2026-12-29T06:00:00Z"}}]}""";
    static final String DONE = "{\"doneAt\": \"2026-11-30T08:00:00Z\"}";
    static final String VERIFY = "{\"overrideReason\": \"Complaints about the courier stopped; too few responses\"}";
    static final String REASON = "{\"reason\": \"The carrier did not sign the SLA\"}";
    static final String LINK = "{\"caseIds\": [\"0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10\"]}";
    static final String ILLEGAL = """
            {"type": "urn:voc:problem:illegal-transition", "title": "Illegal transition", "status": 409,
             "detail": "improvement action '3f2a9c1e-5b7d-4e8f-a0b1-c2d3e4f5a6b7' is PROPOSED and cannot be DONE:\
             allowed from [IN_PROGRESS]",
             "instance": "/api/improvement-actions/3f2a9c1e-5b7d-4e8f-a0b1-c2d3e4f5a6b7/done"}""";
    static final String NOT_IMPROVED = """
            {"type": "urn:voc:problem:verdict-not-improved", "title": "Verdict is not IMPROVED", "status": 409,
             "detail": "improvement action '3f2a9c1e-5b7d-4e8f-a0b1-c2d3e4f5a6b7' was assessed NO_SIGNIFICANT_CHANGE:\
             VERIFIED needs IMPROVED, or an override with a reason",
             "instance": "/api/improvement-actions/3f2a9c1e-5b7d-4e8f-a0b1-c2d3e4f5a6b7/verify"}""";
    static final String BAD = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "expectedEffect.question is required for the metric rating",
             "instance": "/api/improvement-actions",
             "errors": [{"field": "expectedEffect.question", "message": "is required for the metric rating"}]}""";

    private ActionExamples() {}
}
