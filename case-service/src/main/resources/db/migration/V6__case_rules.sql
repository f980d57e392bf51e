-- Case rules (docs/cases.md, "Case rules"): which responses open a case, with which priority and SLA targets. The
-- conditions are one JSON document (RuleConditions): they are only ever read whole, by the rule cache.
create table case_rule (
    id                   uuid        primary key,
    name                 text        not null,
    enabled              boolean     not null,
    conditions           jsonb       not null,
    priority             varchar(16) not null,
    first_contact_target varchar(40) not null,
    resolution_target    varchar(40) not null,
    team                 text,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

-- Raised by every change of a rule: a replica compares it with its cached rules' generation on every batch.
create table case_rule_generation (
    id         smallint primary key check (id = 1),
    generation bigint   not null
);
insert into case_rule_generation (id, generation) values (1, 0);

-- Today's behaviour as rules: every NPS detractor opens a case, HIGH for 0-3 (a response matching both takes the
-- higher priority); the first-contact targets are the former voc.cases.sla-* defaults.
insert into case_rule (id, name, enabled, conditions, priority, first_contact_target, resolution_target, team,
                       version, created_at, updated_at)
values ('00000000-0000-4000-8000-000000000001', 'NPS detractor', true, '{"npsAtMost": 6}', 'NORMAL', 'PT72H',
        'PT240H', null, 0, now(), now()),
       ('00000000-0000-4000-8000-000000000002', 'NPS strong detractor', true, '{"npsAtMost": 3}', 'HIGH', 'PT24H',
        'PT120H', null, 0, now(), now());

-- Any response type may open a case now, so a case may have no NPS. Expand-only: a replica of the previous release
-- reads such a case as a failure (its nps is an int), so roll out before defining rules without an NPS condition.
alter table customer_case alter column nps drop not null;
-- The rules the response matched ([{"id", "name"}], their names at the time) and the SLA targets they set
-- (ISO-8601 durations); cases opened before rules have none.
alter table customer_case add column matched_rules jsonb not null default '[]';
alter table customer_case add column first_contact_target varchar(40);
alter table customer_case add column resolution_target varchar(40);
