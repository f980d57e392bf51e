-- Recovery re-surveys (docs/improvement.md, "Recovery re-survey"): a rule may ask that closing a case it opened
-- re-invites the customer; the answer is recorded on the case, and the KPIs report the recovery rate.
alter table case_rule add column recovery_survey boolean not null default false;

alter table customer_case
    -- when closing the case asked survey-service to re-invite the customer (the last time, if closed again)
    add column recovery_requested_at timestamptz,
    -- the first recovery response (later ones are ignored) and what it said
    add column recovery_response_id  uuid,
    add column recovery_answered_at  timestamptz,
    add column recovery_nps          smallint,
    add column recovery_csat         smallint,
    -- NPS 7 or more, or CSAT 4 or more: the customer is no longer unhappy
    add column recovered             boolean;

-- The KPIs count the re-surveys requested in a window.
create index customer_case_recovery on customer_case (recovery_requested_at) where recovery_requested_at is not null;
