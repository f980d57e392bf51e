-- SLA breaches and escalation (docs/cases.md, "Breaches and escalation"), marked by the SLA scheduler. Safe with
-- several replicas: a sweep claims due cases with FOR UPDATE SKIP LOCKED, and the primary keys below make a second
-- mark of a clock, or a second firing of a ladder step, impossible whatever happens.

-- When each clock was marked breached. On the case itself so that the candidate indexes below can leave marked
-- cases out: a sweep over a million cases reads only those that are due and not marked yet.
alter table customer_case
    -- WAITING_ON_CUSTOMER (19 characters) must fit; the workflow's migration may widen it too: the same change twice
    -- is harmless.
    alter column status type varchar(24),
    add column first_contact_breached_at timestamptz,
    add column resolution_breached_at    timestamptz;

create index customer_case_first_contact_running on customer_case (first_contact_due_at)
    where first_contact_at is null and first_contact_breached_at is null and first_contact_due_at is not null
      and status not in ('RESOLVED', 'CLOSED', 'WAITING_ON_CUSTOMER');
create index customer_case_resolution_running on customer_case (resolution_due_at)
    where resolved_at is null and resolution_breached_at is null and resolution_due_at is not null
      and status not in ('RESOLVED', 'CLOSED', 'WAITING_ON_CUSTOMER');

-- One row per case and clock (FIRST_CONTACT, RESOLUTION): a clock breaches once. next_escalation_at is the earliest
-- moment the next ladder step may fire (null: the ladder is done, or the clock was met or the case finished); the
-- scheduler re-checks it in business time with the case's pauses before firing.
create table case_breach (
    case_id            uuid        not null references customer_case (id) on delete cascade,
    clock              varchar(16) not null,
    due_at             timestamptz not null,
    breached_at        timestamptz not null,
    next_step          int         not null default 1,
    next_escalation_at timestamptz,
    primary key (case_id, clock)
);
create index case_breach_escalation_due on case_breach (next_escalation_at) where next_escalation_at is not null;
-- KPIs: breaches in a window.
create index case_breach_at on case_breach (breached_at);

-- One row per case, clock and ladder step (1 first): a step fires once.
create table case_escalation (
    case_id      uuid        not null,
    clock        varchar(16) not null,
    step         int         not null,
    label        text,
    recipients   text[]      not null,
    escalated_at timestamptz not null,
    primary key (case_id, clock, step),
    foreign key (case_id, clock) references case_breach (case_id, clock) on delete cascade
);
create index case_escalation_at on case_escalation (escalated_at);

-- KPIs: the backlog of unfinished cases, by team and age.
create index customer_case_unfinished on customer_case (team, opened_at) where status not in ('RESOLVED', 'CLOSED');
