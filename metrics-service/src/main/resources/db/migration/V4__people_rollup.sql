-- Scores by employee or business-process reference (kind 'employee' or 'process'), by local day in the reporting
-- zone: these references number in the thousands, so they stay out of the main roll-ups and answer top-N queries.
create table people_rollup_day (
    metric             text        not null,
    question_id        text        not null default '',
    kind               text        not null,
    ref                text        not null,
    day                date        not null,
    touchpoint_key     text        not null,
    channel            text        not null default '',
    segment            text        not null default '',
    survey_id          text        not null default '',
    n                  bigint      not null,
    total              bigint      not null,
    total_sq           bigint      not null,
    d0 bigint not null default 0, d1 bigint not null default 0, d2 bigint not null default 0,
    d3 bigint not null default 0, d4 bigint not null default 0, d5 bigint not null default 0,
    d6 bigint not null default 0, d7 bigint not null default 0, d8 bigint not null default 0,
    d9 bigint not null default 0, d10 bigint not null default 0,
    cli_nps            bigint      not null default 0,
    cli_repurchase     bigint      not null default 0,
    cli_cross_buy      bigint      not null default 0,
    primary key (metric, question_id, kind, day, ref, touchpoint_key, channel, segment, survey_id)
);
