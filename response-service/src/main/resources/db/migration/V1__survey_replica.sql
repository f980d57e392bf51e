-- Local replica of published survey versions (fed by voc.surveys). Versions are immutable: rows are only inserted.
create table survey_version (
    survey_id       uuid        not null,
    version         int         not null,
    definition      jsonb       not null,
    touchpoint_keys text[]      not null default '{}',
    published_at    timestamptz not null,
    primary key (survey_id, version)
);
