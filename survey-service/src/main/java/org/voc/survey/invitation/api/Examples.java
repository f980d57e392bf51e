package org.voc.survey.invitation.api;

/** OpenAPI examples of the invitation endpoints, kept out of the resources. */
final class Examples {

    static final String KEY = """
            {"kid": "xH3nq0Qm2C8sPz1dW9kYtQ4rVb7eLfJ6uGa5oNc0TsI", "algorithm": "ES256",
             "createdAt": "2026-11-25T09:00:00Z", "supersededAt": null, "retireAt": null, "current": true}""";
    static final String KEYS = "[" + KEY + "]";
    static final String RETIRED_KEY = """
            {"kid": "xH3nq0Qm2C8sPz1dW9kYtQ4rVb7eLfJ6uGa5oNc0TsI", "algorithm": "ES256",
             "createdAt": "2026-11-25T09:00:00Z", "supersededAt": "2026-11-30T14:02:11Z",
             "retireAt": "2026-11-30T14:02:11Z", "current": false}""";
    static final String KEY_NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "invitation key not found", "status": 404,
             "detail": "invitation key 'no-such-kid' does not exist",
             "instance": "/api/invitation-keys/no-such-kid/retire"}""";
    static final String JWKS = """
            {"keys": [{"kty": "EC", "kid": "xH3nq0Qm2C8sPz1dW9kYtQ4rVb7eLfJ6uGa5oNc0TsI", "use": "sig", "alg": "ES256",
                       "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                       "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""";
    static final String INVITATION = """
            {"id": "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a", "interactionId": "crm-7781-2026-11-20",
             "surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2, "touchpointKey": "card-delivery",
             "channel": "BRANCH", "segment": "RETAIL", "customerRef": "cust-42", "locale": "fr",
             "deliveryChannel": "SMS", "occurredAt": "2026-11-20T10:00:00Z", "issuedAt": "2026-11-20T10:00:02Z",
             "expiresAt": "2026-11-27T10:00:02Z", "status": "ISSUED", "expiredAt": null, "revokedAt": null}""";
    static final String REVOKED = """
            {"id": "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a", "interactionId": "crm-7781-2026-11-20",
             "surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2, "touchpointKey": "card-delivery",
             "channel": "BRANCH", "segment": "RETAIL", "customerRef": "cust-42", "locale": "fr",
             "deliveryChannel": "SMS", "occurredAt": "2026-11-20T10:00:00Z", "issuedAt": "2026-11-20T10:00:02Z",
             "expiresAt": "2026-11-27T10:00:02Z", "status": "REVOKED", "expiredAt": null,
             "revokedAt": "2026-11-21T08:15:00Z"}""";
    static final String REVOKE_REQUEST = """
            {"reason": "the SMS went to a wrong number"}""";
    static final String REASON_TOO_LONG = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "reason must be at most 500 characters",
             "instance": "/api/invitations/0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a/revoke",
             "errors": [{"field": "reason", "message": "must be at most 500 characters"}]}""";
    static final String INVITATION_EXPIRED = """
            {"type": "urn:voc:problem:invitation-expired", "title": "Invitation expired", "status": 409,
             "detail": "invitation 0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a expired at 2026-11-27T10:00:02Z; its link no \
            longer works", "instance": "/api/invitations/0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a/revoke",
             "errors": [{"field": "id", "message": "invitation 0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a expired at \
            2026-11-27T10:00:02Z; its link no longer works"}]}""";

    private Examples() {}
}
