-- Latest lifecycle status of each survey (fed by voc.surveys, key <surveyId>:status). Only ARCHIVED matters to
-- intake today; changed_at keeps an older status that arrives late from overwriting a newer one.
create table survey_status (
    survey_id   uuid        primary key,
    status      varchar(16) not null,
    changed_at  timestamptz not null
);
