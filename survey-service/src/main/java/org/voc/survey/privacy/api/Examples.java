package org.voc.survey.privacy.api;

/** OpenAPI examples of the privacy endpoints. */
final class Examples {

    static final String ERASURE_REQUEST = """
            {"customerRef": "cust-42"}""";

    static final String ERASURE_PENDING = """
            {"id": "4b1e0c1e-8f7a-4c55-9d0b-2f3a1c9e7d10", "status": "PENDING",
             "requestedAt": "2026-11-30T10:00:00Z", "requestedBy": "4f5c3b1a-privacy-officer", "completedAt": null,
             "services": [
              {"service": "case-service", "status": "PENDING", "counts": null, "completedAt": null},
              {"service": "response-service", "status": "PENDING", "counts": null, "completedAt": null},
              {"service": "survey-service", "status": "COMPLETED",
               "counts": {"decisions": 4, "invitations": 2, "optOuts": 1}, "completedAt": "2026-11-30T10:00:00Z"}]}""";

    static final String ERASURE_COMPLETED = """
            {"id": "4b1e0c1e-8f7a-4c55-9d0b-2f3a1c9e7d10", "status": "COMPLETED",
             "requestedAt": "2026-11-30T10:00:00Z", "requestedBy": "4f5c3b1a-privacy-officer",
             "completedAt": "2026-11-30T10:00:01.200Z",
             "services": [
              {"service": "case-service", "status": "COMPLETED", "counts": {"cases": 1},
               "completedAt": "2026-11-30T10:00:01.200Z"},
              {"service": "response-service", "status": "COMPLETED", "counts": {"responses": 2},
               "completedAt": "2026-11-30T10:00:00.800Z"},
              {"service": "survey-service", "status": "COMPLETED",
               "counts": {"decisions": 4, "invitations": 2, "optOuts": 1}, "completedAt": "2026-11-30T10:00:00Z"}]}""";

    private Examples() {}
}
