-- RACI, tags and external references of touchpoints; teams; journeys; change history; the survey coverage replica.

alter table touchpoint
    add column responsible   varchar(80)[]  not null default '{}',
    add column accountable   varchar(80)[]  not null default '{}',
    add column consulted     varchar(80)[]  not null default '{}',
    add column informed      varchar(80)[]  not null default '{}',
    add column tags          varchar(60)[]  not null default '{}',
    -- "system:ref" pairs, denormalised for reading; touchpoint_ref below is the unique, indexed copy.
    add column external_refs varchar(261)[] not null default '{}';
create index touchpoint_segments on touchpoint using gin (segments);
create index touchpoint_tags on touchpoint using gin (tags);
create index touchpoint_name_key on touchpoint (name, key);
create index touchpoint_updated_key on touchpoint (updated_at, key);

-- Resolves an incoming interaction ("crm" event "card.delivered") to its touchpoint: one primary-key lookup.
create table touchpoint_ref (
    system        varchar(60)  not null,
    ref           varchar(200) not null,
    touchpoint_id uuid         not null references touchpoint (id),
    primary key (system, ref)
);
create index touchpoint_ref_touchpoint on touchpoint_ref (touchpoint_id);

-- Who changed what and when; one row per revision of a touchpoint, never updated or deleted.
create table touchpoint_history (
    id            bigserial    primary key,
    touchpoint_id uuid         not null references touchpoint (id),
    revision      bigint       not null,
    action        varchar(16)  not null,
    actor         varchar(200) not null,
    actor_name    varchar(200),
    changed_at    timestamptz  not null,
    changes       jsonb        not null
);
create index touchpoint_history_touchpoint on touchpoint_history (touchpoint_id, revision);

create table team (
    id                 uuid         primary key,
    key                varchar(80)  not null unique,
    name               varchar(200) not null,
    escalation_contact varchar(200),
    working_days       varchar(9)[] not null,
    work_start         time         not null,
    work_end           time         not null,
    time_zone          varchar(60)  not null,
    version            bigint       not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

-- A journey's ordered stages with their touchpoint keys, as JSON: [{"name": "Apply", "touchpointKeys": [...]}].
create table journey (
    id          uuid         primary key,
    key         varchar(80)  not null unique,
    name        varchar(200) not null,
    description text,
    stages      jsonb        not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index journey_stages on journey using gin (stages jsonb_path_ops);

-- Published survey versions (from voc.surveys), only what the coverage audit needs. Versions are immutable.
create table survey_version (
    survey_id       uuid        not null,
    version         int         not null,
    touchpoint_keys text[]      not null default '{}',
    published_at    timestamptz,
    primary key (survey_id, version)
);
