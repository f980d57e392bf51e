-- Improvement actions of the outer loop (docs/cases.md, "Improvement actions"): what a company does about a root
-- cause, its status workflow, the cases it answers for and metrics-service's verdict on its effect.
create table improvement_action (
    id            uuid        primary key,
    title         text        not null,
    description   text,
    owner_team    text,
    due_date      date,
    -- expected effect: the metric measured at the action's touchpoints (nps, csat, ces, cli, rating)
    metric        varchar(8)  not null,
    question      text,
    target        double precision,
    window_days   int         not null,
    min_sample    int         not null,
    status        varchar(16) not null,
    -- optimistic concurrency: the action's ETag; every change raises it
    version       bigint      not null default 0,
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    -- when the fix went live (DONE); null again after a reopening, until the next DONE
    done_at       timestamptz,
    -- the latest verdict for done_at (voc.impact); cleared with done_at, so a stale one never shows
    verdict              varchar(32),
    verdict_before_n     bigint,
    verdict_before_value double precision,
    verdict_after_n      bigint,
    verdict_after_value  double precision,
    verdict_difference   double precision,
    verdict_p_value      double precision,
    verdict_target_met   boolean,
    verdict_insufficient boolean,
    verdict_assessed_at  timestamptz
);
-- Listing is newest first with a keyset on (created_at, id).
create index improvement_action_newest on improvement_action (created_at desc, id desc);
create index improvement_action_team on improvement_action (owner_team, created_at desc, id desc);

create table improvement_action_touchpoint (
    action_id      uuid not null references improvement_action (id) on delete cascade,
    touchpoint_key text not null,
    primary key (action_id, touchpoint_key)
);
create index improvement_action_touchpoint_key on improvement_action_touchpoint (touchpoint_key);

-- The root causes an action answers for (the taxonomy of V10; a cause is never deleted, only retired).
create table improvement_action_root_cause (
    action_id     uuid not null references improvement_action (id) on delete cascade,
    root_cause_id uuid not null references root_cause (id),
    primary key (action_id, root_cause_id)
);
create index improvement_action_root_cause_id on improvement_action_root_cause (root_cause_id);

-- The cases an action answers for; a case may be linked to several actions. A case deleted by retention leaves.
create table improvement_action_case (
    action_id uuid        not null references improvement_action (id) on delete cascade,
    case_id   uuid        not null references customer_case (id) on delete cascade,
    linked_at timestamptz not null,
    primary key (action_id, case_id)
);
create index improvement_action_case_case on improvement_action_case (case_id);

-- Every change of an action: who, when, what (the action, the status it moved between, and its details).
create table improvement_action_history (
    id          bigint generated always as identity primary key,
    action_id   uuid        not null references improvement_action (id) on delete cascade,
    at          timestamptz not null,
    actor       text        not null,
    action      varchar(32) not null,
    from_status varchar(16),
    to_status   varchar(16),
    details     jsonb       not null default '{}'
);
create index improvement_action_history_action on improvement_action_history (action_id, id);
