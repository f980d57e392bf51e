-- Working a case (docs/cases.md, "Working a case"): who holds it, its SLA clocks and what was done. Shared by the
-- workflow (assign, contact, wait, resolve, close, reopen) and the SLA scheduler (breaches, escalation).
-- Expand-only: due_at stays written (the first-contact due time) for replicas of the previous release.
alter table customer_case
    -- optimistic concurrency: the case's ETag; every change raises it
    add column version              bigint      not null default 0,
    add column assignee             text,
    add column assigned_at          timestamptz,
    -- business-hours due times (the team's calendar); null while the case waits on the customer, kept once met
    add column first_contact_due_at timestamptz,
    add column resolution_due_at    timestamptz,
    add column first_contact_at     timestamptz,
    add column contact_channel      varchar(32),
    add column contact_outcome      varchar(32),
    add column resolved_at          timestamptz,
    add column resolution_code      varchar(64),
    add column resolution_note      text,
    add column gesture_type         varchar(64),
    add column gesture_amount       numeric(12, 2),
    add column gesture_currency     char(3),
    add column closed_at            timestamptz,
    -- business time it took (the team's calendar, waits excluded), set when met: what the KPIs rank
    add column first_contact_business_seconds bigint,
    add column resolution_business_seconds    bigint,
    add column reopened_count       int         not null default 0,
    add column updated_at           timestamptz;

-- No case was ever moved past OPEN before this release, so their first-contact due time is the one they have.
update customer_case set first_contact_due_at = due_at, updated_at = opened_at where first_contact_due_at is null;

-- The spans a case waited on the customer: its SLA clocks stand still inside them (BusinessCalendar, Pause).
create table case_pause (
    case_id    uuid        not null references customer_case (id) on delete cascade,
    paused_at  timestamptz not null,
    resumed_at timestamptz,
    primary key (case_id, paused_at)
);

-- Every change of a case: who, when, what (the action, the status it moved between, and its details).
create table case_history (
    id          bigint generated always as identity primary key,
    case_id     uuid        not null references customer_case (id) on delete cascade,
    at          timestamptz not null,
    actor       text        not null,
    action      varchar(32) not null,
    from_status varchar(24),
    to_status   varchar(24),
    details     jsonb       not null default '{}'
);
create index case_history_case on case_history (case_id, id);

-- Queues: an agent's own open cases, and a team's unassigned ones.
create index customer_case_assignee on customer_case (assignee, opened_at desc, id desc) where assignee is not null;
create index customer_case_unassigned on customer_case (team, opened_at desc, id desc)
    where assignee is null and status = 'OPEN';
