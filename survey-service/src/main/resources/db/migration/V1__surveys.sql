-- Surveys: the editable working draft of each survey definition.
create table survey (
    id              uuid          primary key,
    name            varchar(200)  not null,
    default_locale  varchar(35)   not null,
    touchpoint_keys varchar(80)[] not null default '{}',
    questions       jsonb         not null,
    status          varchar(16)   not null,
    latest_version  int,
    revision        bigint        not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
-- Keyset pagination of the survey list, and its touchpoint filter (Hibernate's array_contains is @>).
create index survey_created on survey (created_at, id);
create index survey_touchpoint_keys on survey using gin (touchpoint_keys);

-- Published versions: immutable snapshots of the definition; responses always refer to one of them.
create table survey_version (
    survey_id     uuid         not null references survey (id),
    version       int          not null,
    definition    jsonb        not null,
    published_at  timestamptz  not null,
    published_by  varchar(255) not null,
    primary key (survey_id, version)
);
