-- Root causes (docs/improvement.md): a taxonomy of why customers complain, set on cases when they are resolved, and
-- the per-touchpoint daily response tally the Pareto of causes divides by. Expand-only: nothing existing changes.

-- The taxonomy: a tree of categories. A cause is never deleted (cases and improvement actions name it by id): it is
-- retired instead. version is its ETag; every change raises it.
create table root_cause (
    id          uuid         primary key,
    code        varchar(64)  not null unique,
    name        varchar(200) not null,
    description text,
    parent_id   uuid         references root_cause (id),
    active      boolean      not null default true,
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index root_cause_parent on root_cause (parent_id);

-- Every change of a cause: who, when, what (the fields changed, each with its value before and after).
create table root_cause_history (
    id            bigint generated always as identity primary key,
    root_cause_id uuid        not null references root_cause (id),
    at            timestamptz not null,
    actor         text        not null,
    action        varchar(32) not null,
    changes       jsonb       not null default '{}'
);
create index root_cause_history_cause on root_cause_history (root_cause_id, id);

-- The causes of a case, in the order the agent gave them. Gone with the case (retention); a cause in use cannot be
-- deleted (the reference), which the API never does anyway.
create table case_root_cause (
    case_id       uuid     not null references customer_case (id) on delete cascade,
    root_cause_id uuid     not null references root_cause (id),
    position      smallint not null,
    primary key (case_id, root_cause_id)
);
-- The Pareto groups by cause.
create index case_root_cause_cause on case_root_cause (root_cause_id, case_id);

-- The Pareto filters cases by the time of their response: that index is built concurrently, in V13.

-- Responses per touchpoint and UTC day of their respondedAt ('' for a response without a touchpoint), counted by
-- the response consumer: the denominators of the Pareto's NPS points lost. Text key: a long key from upstream must
-- not stop the consumer.
create table response_tally (
    touchpoint_key text   not null,
    day            date   not null,
    responses      bigint not null,
    nps_answers    bigint not null,
    promoters      bigint not null,
    passives       bigint not null,
    detractors     bigint not null,
    primary key (touchpoint_key, day)
);

-- Responses already tallied, so a redelivered or replayed one never counts twice; kept while voc.responses can still
-- deliver them again (the kit's ProcessedEventsRetention), looked up by age for that sweep.
create table processed_response (
    response_id  uuid        primary key,
    processed_at timestamptz not null default now()
);
create index processed_response_processed_at on processed_response (processed_at);
