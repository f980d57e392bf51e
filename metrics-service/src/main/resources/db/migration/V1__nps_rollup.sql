-- Responses already counted, so a replayed or re-sent event never counts twice. The id is the response id:
-- responses are immutable, so one response is one event.
create table processed_event (
    event_id     uuid        primary key,
    processed_at timestamptz not null default now()
);

-- NPS counts per touchpoint, channel ('' when the response had none) and UTC hour. Queries sum these rows;
-- raw responses are never stored here. Text columns: a long key from upstream must not stop the consumer.
create table nps_rollup (
    touchpoint_key text        not null,
    channel        text        not null default '',
    bucket_start   timestamptz not null,
    responses      bigint      not null,
    promoters      bigint      not null,
    passives       bigint      not null,
    detractors     bigint      not null,
    primary key (touchpoint_key, channel, bucket_start)
);
-- Queries over all touchpoints filter by time only.
create index nps_rollup_bucket on nps_rollup (bucket_start);
