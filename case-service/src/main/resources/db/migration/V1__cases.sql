-- Local replica of touchpoint-registry's compacted voc.touchpoints topic: just what routing needs.
-- Text columns (no length limits) so no value another service sends can make the consumer fail.
create table touchpoint_replica (
    id         uuid   primary key,
    key        text   not null unique,
    name       text   not null,
    owner_team text,
    status     text   not null,
    revision   bigint not null
);

-- One case per detractor response; the unique response_id is what makes consuming voc.responses idempotent.
create table customer_case (
    id             uuid        primary key,
    response_id    uuid        not null unique,
    survey_id      uuid        not null,
    touchpoint_key text,
    team           text,
    customer_ref   text,
    nps            smallint    not null,
    comment        text,
    priority       varchar(16) not null,
    status         varchar(16) not null,
    opened_at      timestamptz not null,
    responded_at   timestamptz,
    due_at         timestamptz not null
);
-- Listing is newest first with a keyset on (opened_at, id), usually filtered by team.
create index customer_case_newest on customer_case (opened_at desc, id desc);
create index customer_case_team_newest on customer_case (team, opened_at desc, id desc);
create index customer_case_touchpoint on customer_case (touchpoint_key, opened_at desc, id desc);
-- Cases still waiting for their touchpoint's owner; small, and hit on every touchpoint state.
create index customer_case_unrouted on customer_case (touchpoint_key) where team is null;
