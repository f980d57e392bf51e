package org.voc.response.api;

/** The response service's OpenAPI examples, kept apart so the resources read as the API they serve. */
final class Examples {

    static final String RESPONSE = """
            {"id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b", "surveyId": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50",
             "surveyVersion": 1, "touchpointKey": "card-delivery", "channel": "BRANCH", "customerRef": "cust-0042",
             "respondedAt": "2026-11-25T10:00:00Z", "segment": "RETAIL", "employeeRef": "emp-301",
             "processRef": "card-order-5521",
             "answers": [{"questionId": "nps", "score": 3},
                         {"questionId": "reason", "text": "The card came a week late"}]}""";
    static final String BATCH_REQUEST = """
            {"responses": [
              {"id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b", "surveyId": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50",
               "touchpointKey": "card-delivery", "channel": "BRANCH", "customerRef": "cust-0042",
               "respondedAt": "2026-11-25T10:00:00Z", "answers": [{"questionId": "nps", "score": 3}]},
              {"id": "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "surveyId": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50",
               "touchpointKey": "card-delivery", "channel": "WEB", "customerRef": "cust-0043",
               "respondedAt": "2026-11-25T10:02:00Z", "answers": [{"questionId": "nps", "score": 10}]}]}""";
    static final String BATCH_STORED = """
            {"responses": [
              {"status": 201, "id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b",
               "surveyId": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50", "surveyVersion": 1, "touchpointKey": "card-delivery",
               "channel": "BRANCH", "customerRef": "cust-0042", "respondedAt": "2026-11-25T10:00:00Z",
               "receivedAt": "2026-11-25T10:05:00.120Z", "nps": 3,
               "answers": [{"questionId": "nps", "type": "NPS", "score": 3}]},
              {"status": 409, "problem": {"type": "urn:voc:problem:conflict", "title": "Id already used",
               "status": 409,
               "detail": "response 7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6 was already submitted with a different body",
               "instance": "/api/responses/batch", "errors": [{"field": "id", "message":
               "response 7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6 was already submitted with a different body"}]}}]}""";
    static final String BATCH_INVALID = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "responses[1].answers[0].score must be between 0 and 10", "instance": "/api/responses/batch",
             "errors": [{"field": "responses[1].answers[0].score", "message": "must be between 0 and 10"}]}""";
    static final String RESPONSE_VIEW = """
            {"id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b", "surveyId": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50",
             "surveyVersion": 1, "touchpointKey": "card-delivery", "channel": "BRANCH", "customerRef": "cust-0042",
             "respondedAt": "2026-11-25T10:00:00Z", "receivedAt": "2026-11-25T10:00:01.250Z", "nps": 3,
             "answers": [{"questionId": "nps", "type": "NPS", "score": 3},
                         {"questionId": "reason", "type": "TEXT", "text": "The card came a week late"}],
             "invitationId": null, "segment": "RETAIL", "employeeRef": "emp-301", "processRef": "card-order-5521"}""";
    static final String SCORE_OUT_OF_RANGE = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "answers[0].score must be between 0 and 10", "instance": "/api/responses",
             "errors": [{"field": "answers[0].score", "message": "must be between 0 and 10"}]}""";
    static final String INVITATION_TOKEN_NOT_FOUND = """
            {"type": "urn:voc:problem:invitation-not-found", "title": "Invitation not found", "status": 404,
             "detail": "this link is not a valid survey invitation", "instance": "/api/responses",
             "errors": [{"field": "invitationToken", "message": "this link is not a valid survey invitation"}]}""";

    static final String INVITATION_TOKEN =
            "eyJhbGciOiJFUzI1NiIsImtpZCI6Imludi0yMDI2LTExIn0.eyJpc3MiOiJ1cm46dm9jOnN1cnZleS1zZXJ2aWNlIn0.c2lnbmF0dXJl";
    static final String INVITATION_VIEW = """
            {"invitation": {"id": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "expiresAt": "2026-12-09T10:00:00Z",
                            "locale": "fr", "status": "OPEN"},
             "survey": {"id": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50", "version": 1, "locale": "fr",
              "questions": [
               {"id": "nps", "type": "NPS", "required": true, "min": 0, "max": 10,
                "text": "Recommanderiez-vous notre banque ?",
                "minLabel": "Pas du tout probable", "maxLabel": "Très probable"},
               {"id": "what-went-wrong", "type": "MULTI_CHOICE", "required": true,
                "text": "Qu'est-ce qui n'a pas fonctionné ?",
                "options": [{"id": "late", "text": "Elle est arrivée en retard"},
                            {"id": "damaged", "text": "Elle était abîmée"}],
                "minSelected": 1, "maxSelected": 2, "showIf": {"questionId": "nps", "operator": "LE", "value": 6}},
               {"id": "reason", "type": "TEXT", "required": false, "text": "Pour quelle raison principale ?"}]}}""";
    static final String INVITATION_ANSWERS = """
            {"id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b",
             "answers": [{"questionId": "nps", "score": 3}, {"questionId": "what-went-wrong", "optionIds": ["late"]},
                         {"questionId": "reason", "text": "La carte est arrivée avec une semaine de retard"}]}""";
    static final String INVITATION_NOT_FOUND = """
            {"type": "urn:voc:problem:invitation-not-found", "title": "Invitation not found", "status": 404,
             "detail": "this link is not a valid survey invitation", "instance": "/api/respond/{token}"}""";
    static final String INVITATION_EXPIRED = """
            {"type": "urn:voc:problem:invitation-expired", "title": "Invitation expired", "status": 410,
             "detail": "this survey invitation has expired and takes no more answers",
             "instance": "/api/respond/{token}"}""";
    static final String INVITATION_REVOKED = """
            {"type": "urn:voc:problem:invitation-revoked", "title": "Invitation withdrawn", "status": 410,
             "detail": "this survey invitation was withdrawn and takes no answers",
             "instance": "/api/respond/{token}"}""";
    static final String KEYS_UNAVAILABLE = """
            {"type": "urn:voc:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "the invitation cannot be checked right now; try again shortly",
             "instance": "/api/respond/{token}"}""";
    static final String ALREADY_ANSWERED = """
            {"type": "urn:voc:problem:already-answered", "title": "Already answered", "status": 409,
             "detail": "this invitation has already been answered", "instance": "/api/respond/{token}"}""";
    static final String RATE_LIMITED = """
            {"type": "urn:voc:problem:rate-limited", "title": "Too many requests", "status": 429,
             "detail": "too many requests from this address; retry after Retry-After seconds",
             "instance": "/api/respond/{token}"}""";

    private Examples() {}
}
