package org.voc.response.verbatims.api;

/** OpenAPI examples of verbatim search and export, kept apart so the resource reads as the API it serves. */
final class Examples {

    static final String PAGE = """
            {"items": [{"id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b",
                        "surveyId": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50", "surveyVersion": 1,
                        "touchpointKey": "card-delivery", "channel": "BRANCH",
                        "customerRef": "pn-3f9a1c0d2b4e6f8a1c3e5d7b", "erased": false,
                        "respondedAt": "2026-11-25T10:00:00Z", "receivedAt": "2026-11-25T10:00:01.250Z", "nps": 3,
                        "answers": [{"questionId": "nps", "type": "NPS", "score": 3},
                                    {"questionId": "reason", "type": "TEXT",
                                     "text": "The card came a week late, call me on [phone]"}],
                        "invitationId": null}],
             "nextCursor": "MjAyNi0xMS0yNVQxMDowMDowMFp8MGI3ZTRjMWEtNWQyZi00ZjdlLTlhNTEtM2MxZDJlNGY1YTZi"}""";
    static final String CSV = """
            id,surveyId,surveyVersion,touchpointKey,channel,customerRef,erased,respondedAt,receivedAt,nps,\
            invitationId,answer.nps,answer.reason,answer.csat\r
            0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b,5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50,1,card-delivery,BRANCH,\
            pn-3f9a1c0d2b4e6f8a1c3e5d7b,false,2026-11-25T10:00:00Z,2026-11-25T10:00:01.250Z,3,,3,\
            "The card came a week late, call me on [phone]",\r
            """;
    static final String NDJSON = """
            {"id":"0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b","surveyId":"5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50",\
            "surveyVersion":1,"touchpointKey":"card-delivery","channel":"BRANCH",\
            "customerRef":"pn-3f9a1c0d2b4e6f8a1c3e5d7b","erased":false,"respondedAt":"2026-11-25T10:00:00Z",\
            "receivedAt":"2026-11-25T10:00:01.250Z","nps":3,"answers":[{"questionId":"nps","type":"NPS","score":3},\
            {"questionId":"reason","type":"TEXT","text":"The card came a week late"}],"invitationId":null}
            """;
    static final String BAD_FILTER = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "minScore must not be above maxScore (6)", "instance": "/api/responses",
             "errors": [{"field": "minScore", "message": "must not be above maxScore (6)"}]}""";
    static final String BAD_FORMAT = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "format must be csv or ndjson", "instance": "/api/responses/export",
             "errors": [{"field": "format", "message": "must be csv or ndjson"}]}""";

    private Examples() {}
}
