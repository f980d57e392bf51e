package org.voc.cases.rules.api;

/** The case rules' OpenAPI examples, kept apart so the resource reads as the API it serves. */
final class Examples {

    static final String RULE = """
            {"name": "Late delivery complaints", "enabled": true,
             "conditions": {"text": {"anyOf": ["задержка", "курьер не приехал", "delay"]},
                            "touchpoints": ["card-delivery"], "channels": ["WEB", "MOBILE_APP"]},
             "priority": "HIGH", "firstContactTarget": "PT4H", "resolutionTarget": "P3D", "team": "courier-desk"}""";
    static final String RULE_VIEW = """
            {"id": "6a0c1f9e-2b3d-4e5f-8a7b-9c0d1e2f3a4b", "name": "Late delivery complaints", "enabled": true,
             "conditions": {"text": {"anyOf": ["задержка", "курьер не приехал", "delay"]},
                            "touchpoints": ["card-delivery"], "segments": [], "channels": ["WEB", "MOBILE_APP"]},
             "priority": "HIGH", "firstContactTarget": "PT4H", "resolutionTarget": "PT72H", "team": "courier-desk",
             "revision": 0, "createdAt": "2026-11-30T09:00:00.123456Z", "updatedAt": "2026-11-30T09:00:00.123456Z"}""";
    static final String RULE_LIST = "[" + RULE_VIEW + "]";
    static final String INVALID = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "resolutionTarget must not be shorter than firstContactTarget", "instance": "/api/case-rules",
             "errors": [{"field": "resolutionTarget", "message": "must not be shorter than firstContactTarget"}]}""";

    private Examples() {}
}
