package org.voc.cases.causes.api;

/** The OpenAPI examples of root causes and their Pareto, kept apart so the resources read as the API they serve. */
final class Examples {

    static final String ID = "6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21";
    static final String CAUSE = """
            {"id": "6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21", "code": "COURIER_LATE", "name": "Courier late",
             "description": "The courier came after the promised day, or not at all",
             "parentId": "2f9b1d3e-6a4c-4b8e-9f1a-7c5d3e2b1a09", "active": true, "version": 1,
             "path": [{"id": "9a3c5e7f-1b2d-4c6e-8f0a-2b4d6f8a0c1e", "code": "PROCESS", "name": "Process"},
                      {"id": "2f9b1d3e-6a4c-4b8e-9f1a-7c5d3e2b1a09", "code": "DELIVERY", "name": "Card delivery"},
                      {"id": "6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21", "code": "COURIER_LATE",
                       "name": "Courier late"}],
             "pathName": "Process → Card delivery → Courier late", "depth": 2,
             "createdAt": "2026-11-20T09:00:00Z", "updatedAt": "2026-11-28T14:10:00Z"}""";
    static final String LIST = "{\"items\": [" + CAUSE + "]}";
    static final String CREATE = """
            {"code": "COURIER_LATE", "name": "Courier late",
             "description": "The courier came after the promised day, or not at all",
             "parentId": "2f9b1d3e-6a4c-4b8e-9f1a-7c5d3e2b1a09"}""";
    static final String UPDATE = """
            {"name": "Courier late or absent", "description": "The courier came after the promised day, or not at all",
             "parentId": "2f9b1d3e-6a4c-4b8e-9f1a-7c5d3e2b1a09", "active": true}""";
    static final String HISTORY = """
            {"items": [
              {"id": 1, "at": "2026-11-20T09:00:00Z", "actor": "carla.analyst", "action": "CREATE",
               "changes": {"code": {"from": null, "to": "COURIER_LATE"}, "name": {"from": null, "to": "Courier late"},
                           "parentId": {"from": null, "to": "2f9b1d3e-6a4c-4b8e-9f1a-7c5d3e2b1a09"},
                           "active": {"from": null, "to": true}}},
              {"id": 5, "at": "2026-11-28T14:10:00Z", "actor": "carla.analyst", "action": "UPDATE",
               "changes": {"name": {"from": "Courier late", "to": "Courier late or absent"}}}]}""";
    static final String CODE_TAKEN = """
            {"type": "urn:voc:problem:code-taken", "title": "Code taken", "status": 409,
             "detail": "a root cause with code 'COURIER_LATE' exists", "instance": "/api/root-causes",
             "errors": [{"field": "code", "message": "a root cause with code 'COURIER_LATE' exists"}]}""";
    static final String CYCLE = """
            {"type": "urn:voc:problem:cycle", "title": "Cycle", "status": 409,
             "detail": "root cause 'DELIVERY' cannot move under itself or one of its descendants",
             "instance": "/api/root-causes/2f9b1d3e-6a4c-4b8e-9f1a-7c5d3e2b1a09",
             "errors": [{"field": "parentId",
                         "message": "root cause 'DELIVERY' cannot move under itself or one of its descendants"}]}""";
    static final String RETIRED_PARENT = """
            {"type": "urn:voc:problem:retired-parent", "title": "Retired parent", "status": 409,
             "detail": "root cause 'DELIVERY' is retired: an active cause cannot be under it",
             "instance": "/api/root-causes", "errors": [{"field": "parentId",
             "message": "root cause 'DELIVERY' is retired: an active cause cannot be under it"}]}""";
    static final String NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "root cause not found", "status": 404,
             "detail": "root cause '6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21' does not exist",
             "instance": "/api/root-causes/6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21"}""";

    /** The worked example of docs/improvement.md (cards: 1,000 NPS answers, branch: 100), ranked by points lost. */
    static final String PARETO = """
            {"from": "2026-11-03", "to": "2026-11-30", "touchpoint": null, "team": null, "rankBy": "npsPointsLost",
             "summedOverTouchpoints": true,
             "method": "npsPointsLost = Σ over touchpoints of 100 × detractors with the cause / NPS answers of the\
             touchpoint in the period; no touchpoint filter: summed over every touchpoint",
             "casesWithCause": 20, "responses": 1200, "npsAnswers": 1100,
             "items": [
              {"rootCauseId": "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a", "code": "BRANCH_QUEUE", "name": "Queue in branch",
               "path": [{"id": "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a", "code": "BRANCH_QUEUE",
                         "name": "Queue in branch"}],
               "pathName": "Queue in branch", "active": true, "cases": 4, "detractors": 4, "npsPointsLost": 3.1,
               "share": 0.7949, "cumulativeShare": 0.7949},
              {"rootCauseId": "6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21", "code": "COURIER_LATE", "name": "Courier late",
               "path": [{"id": "9a3c5e7f-1b2d-4c6e-8f0a-2b4d6f8a0c1e", "code": "PROCESS", "name": "Process"},
                        {"id": "2f9b1d3e-6a4c-4b8e-9f1a-7c5d3e2b1a09", "code": "DELIVERY", "name": "Card delivery"},
                        {"id": "6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21", "code": "COURIER_LATE",
                         "name": "Courier late"}],
               "pathName": "Process → Card delivery → Courier late", "active": true, "cases": 6, "detractors": 6,
               "npsPointsLost": 0.6, "share": 0.1538, "cumulativeShare": 0.9487},
              {"rootCauseId": "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b", "code": "APP_CRASH", "name": "App crash",
               "path": [{"id": "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b", "code": "APP_CRASH", "name": "App crash"}],
               "pathName": "App crash", "active": true, "cases": 10, "detractors": 2, "npsPointsLost": 0.2,
               "share": 0.0513, "cumulativeShare": 1.0}]}""";

    static final String BAD_RANK = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "must be one of cases, detractors, npsPointsLost", "instance": "/api/root-causes/pareto",
             "errors": [{"field": "rankBy", "message": "must be one of cases, detractors, npsPointsLost"}]}""";

    private Examples() {}
}
