package org.voc.survey.distribution.api;

/** OpenAPI examples of the distribution endpoints, kept out of the resources. */
final class Examples {

    static final String INTERACTION = """
            {"interactionId": "crm-7781-2026-11-20", "customerRef": "cust-42", "touchpointKey": "card-delivery",
             "channel": "BRANCH", "segment": "RETAIL", "occurredAt": "2026-11-20T10:00:00Z", "employeeRef": "emp-301",
             "processRef": "card-order-5521", "locale": "fr"}""";
    static final String INTERACTION_BY_REF = """
            {"interactionId": "crm-7782-2026-11-20", "customerRef": "cust-43",
             "touchpointRef": {"system": "crm", "ref": "card.delivered"}, "channel": "BRANCH", "segment": "RETAIL"}""";
    static final String BATCH_REQUEST = "{\"interactions\": [" + INTERACTION + ", " + INTERACTION_BY_REF + "]}";
    static final String INVITED = """
            {"decisionId": "6a1d0c3e-2b4f-4e8a-9c7d-1f2e3d4c5b6a", "interactionId": "crm-7781-2026-11-20",
             "customerRef": "cust-42", "touchpointKey": "card-delivery", "channel": "BRANCH", "segment": "RETAIL",
             "occurredAt": "2026-11-20T10:00:00Z", "decidedAt": "2026-11-20T10:00:02Z", "outcome": "INVITED",
             "explanation": "Invited to survey 'Card delivery NPS' (3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01) version 2 \
            through SMS. Candidates: survey 'Card delivery NPS' (3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01, priority 100): \
            sampled in at rate 0.25 (draw 0.1187); 1 invitation in the 30 days around 2026-11-20T10:00:00Z (cap 3); \
            invited through SMS, link valid for 7 days.",
             "candidates": [{"surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2,
               "surveyName": "Card delivery NPS", "priority": 100, "samplingRate": 0.25, "draw": 0.1187,
               "result": "INVITED",
               "detail": "sampled in at rate 0.25 (draw 0.1187); 1 invitation in the 30 days around \
            2026-11-20T10:00:00Z (cap 3); invited through SMS, link valid for 7 days"}],
             "invitation": {"id": "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a", "interactionId": "crm-7781-2026-11-20",
               "surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2, "touchpointKey": "card-delivery",
               "channel": "BRANCH", "segment": "RETAIL", "customerRef": "cust-42", "locale": "fr",
               "deliveryChannel": "SMS", "occurredAt": "2026-11-20T10:00:00Z", "issuedAt": "2026-11-20T10:00:02Z",
               "expiresAt": "2026-11-27T10:00:02Z", "status": "ISSUED",
               "link": "https://survey.example.com/s/eyJhbGciOiJFUzI1NiIsImtpZCI6Ik…"}}""";
    static final String SUPPRESSED = """
            {"decisionId": "7b2e1d4f-3c5a-4f9b-8d6e-2a3b4c5d6e7f", "interactionId": "crm-7790-2026-11-21",
             "customerRef": "cust-42", "touchpointKey": "card-delivery", "channel": "BRANCH", "segment": "RETAIL",
             "occurredAt": "2026-11-21T09:00:00Z", "decidedAt": "2026-11-21T09:00:01Z", "outcome": "SUPPRESSED",
             "reason": "FATIGUE_CAP",
             "explanation": "Not invited: contact fatigue cap reached. Candidates: survey 'Card delivery NPS' \
            (3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01, priority 100): sampled in at rate 1.0 (draw 0.6412), but 3 \
            invitations in the 30 days around 2026-11-21T09:00:00Z (cap 3).",
             "candidates": [{"surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2,
               "surveyName": "Card delivery NPS", "priority": 100, "samplingRate": 1.0, "draw": 0.6412,
               "result": "FATIGUE_CAP",
               "detail": "sampled in at rate 1.0 (draw 0.6412), but 3 invitations in the 30 days around \
            2026-11-21T09:00:00Z (cap 3)"}]}""";
    static final String DECISION_PAGE = "{\"items\": [" + SUPPRESSED + "], \"nextCursor\": null}";
    static final String BATCH_DECIDED = """
            {"decisions": [
              {"status": 201, "decisionId": "6a1d0c3e-2b4f-4e8a-9c7d-1f2e3d4c5b6a",
               "interactionId": "crm-7781-2026-11-20",
               "customerRef": "cust-42", "touchpointKey": "card-delivery", "channel": "BRANCH", "segment": "RETAIL",
               "occurredAt": "2026-11-20T10:00:00Z", "decidedAt": "2026-11-20T10:00:02Z", "outcome": "SUPPRESSED",
               "reason": "NOT_SAMPLED",
               "explanation": "Not invited: sampled out of every matching survey. Candidates: \
            survey 'Card delivery NPS' (3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01, priority 100): sampled out at rate 0.25 \
            (draw 0.7312).",
               "candidates": [{"surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2,
                 "surveyName": "Card delivery NPS", "priority": 100, "samplingRate": 0.25, "draw": 0.7312,
                 "result": "NOT_SAMPLED", "detail": "sampled out at rate 0.25 (draw 0.7312)"}]},
              {"status": 409, "problem": {"type": "urn:voc:problem:conflict", "title": "Interaction id already used",
               "status": 409, "detail": "interaction crm-7782-2026-11-20 was already received with a different body",
               "instance": "/api/interactions/batch"}}]}""";
    static final String BATCH_INVALID = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "interactions[3].customerRef is required", "instance": "/api/interactions/batch",
             "errors": [{"field": "interactions[3].customerRef", "message": "is required"}]}""";
    static final String INTERACTION_ID_REUSED = """
            {"type": "urn:voc:problem:conflict", "title": "Interaction id already used", "status": 409,
             "detail": "interaction crm-7781-2026-11-20 was already received with a different body",
             "instance": "/api/interactions", "errors": [{"field": "interactionId",
               "message": "interaction crm-7781-2026-11-20 was already received with a different body"}]}""";
    static final String QUEUE_FULL = """
            {"type": "urn:voc:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "too many interactions are waiting to be decided", "instance": "/api/interactions"}""";
    static final String NO_CUSTOMER = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "customerRef is required", "instance": "/api/interactions",
             "errors": [{"field": "customerRef", "message": "is required"}]}""";
    static final String DECISION_NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "decision for interaction not found", "status": 404,
             "detail": "decision for interaction 'crm-0000' does not exist",
             "instance": "/api/interactions/crm-0000/decision"}""";
    static final String DECISIONS_NO_CUSTOMER = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "is required", "instance": "/api/decisions",
             "errors": [{"field": "customerRef", "message": "is required"}]}""";
    static final String DISTRIBUTION_REQUEST = """
            {"enabled": true, "minGapPerCustomer": "P30D", "rules": [
              {"touchpointKeys": ["card-delivery"], "channels": ["BRANCH", "MOBILE_APP"], "segments": ["RETAIL"],
               "samplingRate": 0.25, "invitationTtl": "P7D", "deliveryChannel": "SMS", "priority": 100}]}""";
    static final String DISTRIBUTION = """
            {"surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "enabled": true, "minGapPerCustomer": "P30D",
             "rules": [{"touchpointKeys": ["card-delivery"], "channels": ["BRANCH", "MOBILE_APP"],
               "segments": ["RETAIL"], "samplingRate": 0.25, "invitationTtl": "P7D", "deliveryChannel": "SMS", \
            "priority": 100}],
             "updatedAt": "2026-11-25T09:00:00Z", "updatedBy": "5b1c7e1a-0d2f-4b8e-9c3a-7f6e5d4c3b2a"}""";
    static final String RATE_ABOVE_ONE = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "rules[0].samplingRate must be between 0 and 1",
             "instance": "/api/surveys/3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01/distribution",
             "errors": [{"field": "rules[0].samplingRate", "message": "must be between 0 and 1"}]}""";
    static final String SURVEY_NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "survey not found", "status": 404,
             "detail": "survey '3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01' does not exist",
             "instance": "/api/surveys/3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01/distribution"}""";
    static final String CONTACT_POLICY = """
            {"maxInvitations": 3, "window": "P30D", "defaults": false, "updatedAt": "2026-11-25T09:00:00Z",
             "updatedBy": "5b1c7e1a-0d2f-4b8e-9c3a-7f6e5d4c3b2a"}""";
    static final String CONTACT_POLICY_REQUEST = """
            {"maxInvitations": 3, "window": "P30D"}""";
    static final String ZERO_INVITATIONS = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "maxInvitations must be between 1 and 100", "instance": "/api/contact-policy",
             "errors": [{"field": "maxInvitations", "message": "must be between 1 and 100"}]}""";
    static final String OPT_OUT = """
            {"customerRef": "cust-42", "reason": "asked the contact centre not to be surveyed",
             "optedOutAt": "2026-11-25T09:00:00Z"}""";
    static final String OPT_OUT_REQUEST = """
            {"reason": "asked the contact centre not to be surveyed"}""";
    static final String CUSTOMER_REF_TOO_LONG = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "must be 1 to 200 characters", "instance": "/api/opt-outs/cust-…",
             "errors": [{"field": "customerRef", "message": "must be 1 to 200 characters"}]}""";
    static final String NOT_OPTED_OUT = """
            {"type": "urn:voc:problem:not-found", "title": "opt-out not found", "status": 404,
             "detail": "opt-out 'cust-42' does not exist", "instance": "/api/opt-outs/cust-42"}""";

    private Examples() {}
}
