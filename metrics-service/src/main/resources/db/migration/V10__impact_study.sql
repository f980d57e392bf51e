-- The measured effect of improvement actions (docs/metrics.md, "Impact of improvement actions"): one study per action,
-- from its latest voc.action.done.v1. before_from/after_from/after_to are the windows on the hour grid of the
-- roll-ups; assessed_at and the figures are set once, with the voc.action.impact.v1 event in the same transaction,
-- and cleared when a later done date replaces the study.
create table impact_study (
    action_id           uuid             primary key,
    title               text             not null,
    owner_team          text,
    touchpoint_keys     jsonb            not null,
    metric              varchar(40)      not null,
    question            text,
    target              double precision,
    done_at             timestamptz      not null,
    window_days         int              not null,
    min_sample          int              not null,
    before_from         timestamptz      not null,
    after_from          timestamptz      not null,
    after_to            timestamptz      not null,
    received_at         timestamptz      not null,
    assessed_at         timestamptz,
    verdict             varchar(30),
    alpha               double precision,
    insufficient_sample boolean,
    target_met          boolean,
    before_n            bigint,
    before_value        double precision,
    before_lower        double precision,
    before_upper        double precision,
    after_n             bigint,
    after_value         double precision,
    after_lower         double precision,
    after_upper         double precision,
    difference          double precision,
    p_value             double precision
);
-- The evaluator's question: which studies have closed and have no verdict yet.
create index impact_study_pending on impact_study (after_to) where assessed_at is null;
-- The list, newest done date first (keyset).
create index impact_study_done on impact_study (done_at desc, action_id desc);
