-- The two typical dashboard reads, each from a daily roll-up shaped for it (docs/performance.md, "Metrics dashboard
-- queries"): a series of one touchpoint (or of the touchpoints of a product, stage or team) reads one row per
-- touchpoint and day instead of one per channel, segment and survey too (~75x fewer on the benchmark's data); a
-- segment x channel breakdown reads one row per channel, segment and day instead of one per survey as well. The
-- consumer adds to them in the same transaction as to the others; a zone change rebuilds them with the others.
create table score_rollup_day_by_touchpoint (
    metric             text        not null,
    question_id        text        not null default '',
    day                date        not null,
    touchpoint_key     text        not null,
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
    primary key (metric, question_id, touchpoint_key, day)
);

create table score_rollup_day_by_channel_segment (
    metric             text        not null,
    question_id        text        not null default '',
    day                date        not null,
    channel            text        not null default '',
    segment            text        not null default '',
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
    primary key (metric, question_id, day, channel, segment)
);

-- What the daily roll-ups hold so far (same reporting zone). During a rolling upgrade a pod of the previous version
-- that still consumes adds to the older tables only; docs/metrics.md says how to avoid that window.
insert into score_rollup_day_by_touchpoint (metric, question_id, touchpoint_key, day, n, total, total_sq, d0, d1, d2,
    d3, d4, d5, d6, d7, d8, d9, d10, cli_nps, cli_repurchase, cli_cross_buy)
select metric, question_id, touchpoint_key, day, sum(n), sum(total), sum(total_sq), sum(d0), sum(d1), sum(d2),
    sum(d3), sum(d4), sum(d5), sum(d6), sum(d7), sum(d8), sum(d9), sum(d10), sum(cli_nps), sum(cli_repurchase),
    sum(cli_cross_buy)
from score_rollup_day group by metric, question_id, touchpoint_key, day;

insert into score_rollup_day_by_channel_segment (metric, question_id, channel, segment, day, n, total, total_sq, d0,
    d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, cli_nps, cli_repurchase, cli_cross_buy)
select metric, question_id, channel, segment, day, sum(n), sum(total), sum(total_sq), sum(d0), sum(d1), sum(d2),
    sum(d3), sum(d4), sum(d5), sum(d6), sum(d7), sum(d8), sum(d9), sum(d10), sum(cli_nps), sum(cli_repurchase),
    sum(cli_cross_buy)
from score_rollup_day_all group by metric, question_id, channel, segment, day;
