package org.voc.touchpoint.api;

/** The registry's OpenAPI examples, kept apart so the resources read as the API they serve. */
final class Examples {

    static final String TOUCHPOINT = """
            {"key": "card-delivery", "name": "Card delivery at the branch", "channel": "BRANCH",
             "journeyStage": "ONBOARDING", "signalKind": "DIRECT", "segments": ["RETAIL"],
             "product": "debit-card", "ownerTeam": "cards-ops",
             "raci": {"responsible": ["branch-ops"], "accountable": ["cards-ops"], "informed": ["cx-analytics"]},
             "tags": ["kyc"], "externalRefs": [{"system": "crm", "ref": "card.delivered"}]}""";
    static final String TOUCHPOINT_VIEW = """
            {"id": "7d5c8f0e-4a43-4d53-9b1e-0a8a0c7f1e11", "key": "card-delivery",
             "name": "Card delivery at the branch", "channel": "BRANCH", "journeyStage": "ONBOARDING",
             "signalKind": "DIRECT", "segments": ["RETAIL"], "product": "debit-card", "ownerTeam": "cards-ops",
             "status": "ACTIVE",
             "raci": {"responsible": ["branch-ops"], "accountable": ["cards-ops"], "consulted": [],
                      "informed": ["cx-analytics"]},
             "tags": ["kyc"], "externalRefs": [{"system": "crm", "ref": "card.delivered"}], "revision": 0,
             "createdAt": "2026-11-25T09:00:00Z", "updatedAt": "2026-11-25T09:00:00Z"}""";
    static final String TOUCHPOINT_PAGE =
            "{\"items\": [" + TOUCHPOINT_VIEW + "], \"nextCursor\": \"card-delivery\", \"total\": 1240}";
    static final String TOUCHPOINT_RETIREMENT = """
            {"name": "Card delivery at the branch", "channel": "BRANCH", "journeyStage": "ONBOARDING",
             "signalKind": "DIRECT", "segments": ["RETAIL"], "ownerTeam": "cards-ops", "status": "RETIRED"}""";
    static final String TOUCHPOINT_HISTORY = """
            {"items": [{"revision": 1, "action": "UPDATED", "actor": "3f1c9b2e-8d1a-4c55-9a51-2f0e8c1d7a10",
              "actorName": "designer", "changedAt": "2026-11-26T10:00:00Z",
              "changes": {"status": {"from": "ACTIVE", "to": "RETIRED"}}}], "nextCursor": null}""";
    static final String INVALID_CHANNEL = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "channel must be one of [WEB, MOBILE_APP, ...]", "instance": "/api/touchpoints",
             "errors": [{"field": "channel", "message": "must be one of [WEB, MOBILE_APP, ...]"}]}""";

    // The data row is one line of the file: the backslash continues it without a line break.
    static final String IMPORT_CSV = """
            key,name,channel,journeyStage,signalKind,segments,ownerTeam,accountable,tags,externalRefs,journeys
            card-delivery,Card delivery at the branch,BRANCH,ONBOARDING,DIRECT,RETAIL|SME,cards-ops,cards-ops,kyc,\
            crm:card.delivered,card-onboarding/Receive card
            """;
    static final String IMPORT_JSON = """
            [{"key": "card-delivery", "name": "Card delivery at the branch", "channel": "BRANCH",
              "journeyStage": "ONBOARDING", "signalKind": "DIRECT", "segments": ["RETAIL"], "ownerTeam": "cards-ops",
              "externalRefs": [{"system": "crm", "ref": "card.delivered"}],
              "journeys": ["card-onboarding/Receive card"]}]""";
    static final String IMPORT_REPORT = """
            {"mode": "dry-run", "applied": false, "rows": 2, "created": 1, "updated": 0, "unchanged": 0,
             "errors": [{"row": 3, "key": "app-login", "field": "channel",
                         "reason": "must be one of [WEB, MOBILE_APP, ...]"}]}""";

    static final String JOURNEY = """
            {"key": "card-onboarding", "name": "Card onboarding", "description": "From application to first purchase",
             "stages": [{"name": "Apply", "touchpointKeys": ["card-application-web"]},
                        {"name": "Receive card", "touchpointKeys": ["card-delivery"]}]}""";
    static final String JOURNEY_VIEW = """
            {"id": "5b8d2c4e-1f3a-4e6b-9c7d-8a0f1e2d3c4b", "key": "card-onboarding", "name": "Card onboarding",
             "description": "From application to first purchase",
             "stages": [{"name": "Apply", "touchpointKeys": ["card-application-web"]},
                        {"name": "Receive card", "touchpointKeys": ["card-delivery"]}],
             "revision": 0, "createdAt": "2026-11-25T09:00:00Z", "updatedAt": "2026-11-25T09:00:00Z"}""";
    static final String JOURNEY_PAGE = "{\"items\": [" + JOURNEY_VIEW + "], \"nextCursor\": null}";
    static final String JOURNEY_NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "journey not found", "status": 404,
             "detail": "journey 'card-onboarding' does not exist"}""";

    static final String TEAM = """
            {"key": "cards-ops", "name": "Cards operations", "escalationContact": "lead.cards@example.com",
             "workingHours": {"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                              "start": "08:00", "end": "18:00"},
             "timeZone": "Europe/Paris", "members": ["agent", "j.smith"],
             "holidays": [{"date": "2026-12-25", "name": "Christmas"}, {"date": "2027-01-01", "name": "New Year"}],
             "escalationLadder": [
               {"after": "PT0S", "recipients": ["lead.cards"], "label": "team lead"},
               {"after": "PT2H", "recipients": ["lead.cards@example.com"], "label": "escalation contact"},
               {"after": "PT8H", "recipients": ["head.cx@example.com"], "label": "head of CX"}]}""";
    static final String TEAM_VIEW = """
            {"id": "0c7e9d1a-5b2f-4f0e-8a61-3d2b7c9e4f10", "key": "cards-ops", "name": "Cards operations",
             "escalationContact": "lead.cards@example.com",
             "workingHours": {"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                              "start": "08:00", "end": "18:00"},
             "timeZone": "Europe/Paris", "members": ["agent", "j.smith"],
             "holidays": [{"date": "2026-12-25", "name": "Christmas"}, {"date": "2027-01-01", "name": "New Year"}],
             "escalationLadder": [
               {"after": "PT0S", "recipients": ["lead.cards"], "label": "team lead"},
               {"after": "PT2H", "recipients": ["lead.cards@example.com"], "label": "escalation contact"},
               {"after": "PT8H", "recipients": ["head.cx@example.com"], "label": "head of CX"}],
             "revision": 0,
             "createdAt": "2026-11-25T09:00:00Z", "updatedAt": "2026-11-25T09:00:00Z"}""";
    static final String TEAM_PAGE = "{\"items\": [" + TEAM_VIEW + "], \"nextCursor\": null}";

    static final String COVERAGE = """
            {"scope": "registry", "touchpoints": 3, "withFeedbackSource": 1, "feedbackSourceShare": 0.3333,
             "cells": [{"stage": "ONBOARDING", "channel": "BRANCH", "segment": "RETAIL",
                        "touchpoints": 2, "withFeedbackSource": 1},
                       {"stage": "USAGE", "channel": "MOBILE_APP", "segment": "(none)",
                        "touchpoints": 1, "withFeedbackSource": 0}],
             "stagesWithoutDirectSignal": ["AWARENESS", "CONSIDERATION", "PURCHASE", "USAGE", "SERVICE", "RENEWAL",
                                           "LOYALTY", "CHURN"],
             "segmentsWithoutDirectSignal": [],
             "withoutOwner": [{"key": "app-login", "ownerTeam": "app-team", "reason": "owner team not registered"}]}""";
    static final String COVERAGE_CSV = """
            section,stage,channel,segment,touchpoint,owner_team,touchpoints,with_feedback_source
            summary,,,,,,3,1
            cell,ONBOARDING,BRANCH,RETAIL,,,2,1
            stage-without-direct-signal,AWARENESS,,,,,,
            without-owner,,,,app-login,app-team,,
            """;

    private Examples() {}
}
