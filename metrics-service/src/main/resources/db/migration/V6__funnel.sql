-- The response-rate funnel (docs/metrics.md, "Response-rate funnel").
--
-- One row per invitation seen on voc.invitations or named by a response on voc.responses: the time of each step,
-- set once (a replayed or repeated event finds it set and counts nothing). Steps arrive in any order across the two
-- topics, so a row may exist before its issue is known; its dimensions come from the issue once it is. No customer
-- data: the customer reference of the events is not kept.
create table funnel_invitation (
    invitation_id    uuid        primary key,
    survey_id        uuid,
    touchpoint_key   text,
    channel          text,
    delivery_channel text,
    issued_at        timestamptz,
    opened_at        timestamptz,
    answered_at      timestamptz,
    expired_at       timestamptz,
    recorded_at      timestamptz not null default now()
);
-- The retention sweep deletes by age of the row.
create index funnel_invitation_recorded on funnel_invitation (recorded_at);

-- Steps counted per cohort: the UTC hour the invitation was issued, by survey, touchpoint, channel and delivery
-- channel ('' when the invitation had none). A step is counted once the issue is known; "closed" counts
-- invitations answered or expired (either, once), so issued - closed is what is still open.
create table funnel_rollup (
    bucket_start     timestamptz not null,
    survey_id        uuid        not null,
    touchpoint_key   text        not null,
    channel          text        not null default '',
    delivery_channel text        not null default '',
    issued           bigint      not null,
    opened           bigint      not null,
    answered         bigint      not null,
    expired          bigint      not null,
    closed           bigint      not null,
    primary key (bucket_start, survey_id, touchpoint_key, channel, delivery_channel)
);
