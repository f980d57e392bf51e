package org.voc.survey.definition.api;

/** OpenAPI examples of the survey and template endpoints, kept out of the resources. */
final class Examples {

    static final String SURVEY_REQUEST = """
            {"name": "Card delivery NPS", "defaultLocale": "en", "touchpointKeys": ["card-delivery"],
             "questions": [
              {"id": "nps", "type": "NPS", "required": true,
               "text": {"en": "How likely are you to recommend us to a friend or colleague?"}},
              {"id": "reason", "type": "TEXT", "required": false,
               "text": {"en": "What is the main reason for your score?"}}]}""";
    private static final String QUESTIONS = """
             "questions": [
              {"id": "nps", "type": "NPS", "required": true,
               "text": {"en": "How likely are you to recommend us to a friend or colleague?"}},
              {"id": "reason", "type": "TEXT", "required": false,
               "text": {"en": "What is the main reason for your score?"}}]""";
    static final String SURVEY = """
            {"id": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "name": "Card delivery NPS", "defaultLocale": "en",
             "touchpointKeys": ["card-delivery"],""" + QUESTIONS + """
            , "status": "DRAFT", "latestVersion": null, "revision": 0,
             "createdAt": "2026-11-25T09:00:00Z", "updatedAt": "2026-11-25T09:00:00Z"}""";
    static final String VERSION = """
            {"surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "version": 1, "name": "Card delivery NPS",
             "defaultLocale": "en", "touchpointKeys": ["card-delivery"],""" + QUESTIONS + """
            , "publishedAt": "2026-11-25T10:00:00Z", "publishedBy": "5b1c7e1a-0d2f-4b8e-9c3a-7f6e5d4c3b2a"}""";
    static final String SURVEY_PAGE = "{\"items\": [" + SURVEY + "],"
            + " \"nextCursor\": \"MjAyNi0xMS0yNVQwOTowMDowMFp8M2YwZTJhNGMtOWI3ZC00YzFlLThhNTUtMmQ2ZjFiOWU3YzAx\"}";
    static final String TWO_NPS_QUESTIONS = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "a survey has at most one NPS question and questions[0] is one", "instance": "/api/surveys",
             "errors": [{"field": "questions[1].type",
                         "message": "a survey has at most one NPS question and questions[0] is one"}]}""";
    static final String NO_TOUCHPOINT = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "a survey needs at least one touchpoint to be published",
             "instance": "/api/surveys/3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01/publish",
             "errors": [{"field": "touchpointKeys",
                         "message": "a survey needs at least one touchpoint to be published"}]}""";
    static final String NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "survey not found", "status": 404,
             "detail": "survey '3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01' does not exist",
             "instance": "/api/surveys/3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01"}""";
    static final String PAUSE_DRAFT = """
            {"type": "urn:voc:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "cannot pause survey '3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01': it is DRAFT, and only a survey \
            that is [PUBLISHED] can be PAUSED",
             "instance": "/api/surveys/3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01/pause"}""";
    static final String INCOMPLETE_LOCALE = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "questions[0].text[fr] has no wording in 'fr', one of the survey's locales [en, fr]",
             "instance": "/api/surveys/3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01/publish",
             "errors": [{"field": "questions[0].text[fr]",
                         "message": "has no wording in 'fr', one of the survey's locales [en, fr]"}]}""";
    static final String LOW_CONTRAST = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "brand.accentColor '#777777' contrasts 4.48:1 with white (the text on it and the page \
            around it); WCAG AA needs at least 4.5:1: choose a darker colour",
             "instance": "/api/surveys/3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01/publish",
             "errors": [{"field": "brand.accentColor",
                         "message": "'#777777' contrasts 4.48:1 with white (the text on it and the page around \
            it); WCAG AA needs at least 4.5:1: choose a darker colour"}]}""";
    static final String FROM_TEMPLATE_REQUEST = """
            {"name": "Branch relationship NPS", "touchpointKeys": ["branch-visit"]}""";
    static final String TEMPLATE_NOT_FOUND = """
            {"type": "urn:voc:problem:not-found", "title": "survey template not found", "status": 404,
             "detail": "survey template 'nps-deluxe' does not exist",
             "instance": "/api/surveys/from-template/nps-deluxe"}""";
    static final String FRENCH_WORDING_REQUEST = """
            {"name": "Card delivery NPS", "defaultLocale": "en",
             "touchpointKeys": ["card-delivery", "card-activation"],
             "questions": [{"id": "nps", "type": "NPS", "required": true,
               "text": {"en": "How likely are you to recommend us to a friend or colleague?",
                        "fr": "Quelle est la probabilité que vous nous recommandiez à un ami ou un collègue ?"}}]}""";
    static final String TEMPLATES = """
            [{"key": "ces-service-request", "title": "CES after a service request",
              "description": "After a service request is closed: how easy it was to get it done (1–7 agreement).",
              "name": "Service request effort", "defaultLocale": "en", "locales": ["en"],
              "questions": [{"id": "ces", "type": "CES", "required": true,
                "text": {"en": "To what extent do you agree with the statement: \\"The company made it easy for me \
            to handle my request\\"? (1 = strongly disagree, 7 = strongly agree)"}},
               {"id": "obstacle", "type": "TEXT", "required": false, "text": {"en": "What made it difficult?"},
                "showIf": {"questionId": "ces", "operator": "LE", "value": 3}}]}]""";

    private Examples() {}
}
