-- Distribution (docs/distribution.md): which interactions invite a customer to which survey.

-- Local replica of touchpoint-registry's compacted voc.touchpoints topic: what resolving an interaction needs.
-- Text columns (no length limits) and no unique key (a rebuilt registry may reuse a key under a new id) so no
-- state another service sends can make the consumer fail. external_refs holds "system:ref" pairs (systems are slugs, so the first colon separates them).
create table touchpoint_replica (
    id            uuid   primary key,
    key           text   not null,
    status        text   not null,
    channel       text,
    segments      text[] not null default '{}',
    owner_team    text,
    external_refs text[] not null default '{}',
    revision      bigint not null
);
create index touchpoint_replica_key on touchpoint_replica (key);
create index touchpoint_replica_external_refs on touchpoint_replica using gin (external_refs);

-- Distribution settings of a survey; rules are a JSON array (docs/distribution.md). touchpoint_keys is the
-- union of the rules' keys, so a batch of interactions loads only the surveys that can match it.
create table survey_distribution (
    survey_id        uuid        primary key references survey (id),
    enabled          boolean     not null,
    min_gap_seconds  bigint      not null,
    rules            jsonb       not null,
    touchpoint_keys  text[]      not null,
    updated_at       timestamptz not null,
    updated_by       text        not null
);
create index survey_distribution_touchpoints on survey_distribution using gin (touchpoint_keys) where enabled;

-- The global contact policy: a single row (id 1); absent means the defaults.
create table contact_policy (
    id              smallint    primary key check (id = 1),
    max_invitations int         not null,
    window_seconds  bigint      not null,
    updated_at      timestamptz not null,
    updated_by      text        not null
);

-- Customers who must not be surveyed.
create table opt_out (
    customer_ref  text        primary key,
    reason        text,
    opted_out_at  timestamptz not null
);

-- Invitations issued. occurred_at is the interaction's time: contact rules count invitations around it.
create table invitation (
    id               uuid        primary key,
    interaction_id   text        not null unique,
    survey_id        uuid        not null,
    survey_version   int         not null,
    touchpoint_key   text        not null,
    channel          text        not null,
    segment          text,
    customer_ref     text        not null,
    locale           text        not null,
    delivery_channel text        not null,
    occurred_at      timestamptz not null,
    issued_at        timestamptz not null,
    expires_at       timestamptz not null,
    status           varchar(16) not null,
    expired_at       timestamptz,
    token            text        not null,
    link             text        not null
);
create index invitation_customer_time on invitation (customer_ref, occurred_at);
-- The expiry sweep reads only what is still ISSUED, oldest expiry first.
create index invitation_due on invitation (expires_at) where status = 'ISSUED';

-- Every decision, invited or suppressed; the unique interaction_id makes intake idempotent.
create table distribution_decision (
    id                uuid        primary key,
    interaction_id    text        not null unique,
    request_hash      text        not null,
    customer_ref      text        not null,
    touchpoint_key    text,
    touchpoint_system text,
    touchpoint_ref    text,
    channel           text        not null,
    segment           text,
    employee_ref      text,
    process_ref       text,
    locale            text,
    occurred_at       timestamptz not null,
    decided_at        timestamptz not null,
    outcome           varchar(16) not null,
    reason            varchar(32),
    explanation       text        not null,
    candidates        jsonb       not null,
    invitation_id     uuid,
    survey_id         uuid,
    survey_version    int
);
-- An analyst's "what happened to this customer", newest first with a keyset on (decided_at, id).
create index distribution_decision_customer on distribution_decision (customer_ref, decided_at desc, id desc);
