-- Dashboards filter one touchpoint or one channel over many days: these find their rows without a scan.
create index score_rollup_day_touchpoint on score_rollup_day (metric, question_id, touchpoint_key, day);
create index score_rollup_day_channel on score_rollup_day (metric, question_id, channel, day);

-- The daily counts summed over all touchpoints: a breakdown by channel, segment or survey that neither filters nor
-- groups by touchpoint (or its product, stage or team) reads ~touchpoints× fewer rows here.
create table score_rollup_day_all (
    metric             text        not null,
    question_id        text        not null default '',
    day                date        not null,
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
    primary key (metric, question_id, day, channel, segment, survey_id)
);

-- Built from score_rollup_day at the next start (reporting_zone is reset), like after a change of zone.
update reporting_zone set zone = null;
