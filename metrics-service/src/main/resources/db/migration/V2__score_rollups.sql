-- Every score type's hourly roll-up (UTC hours), keyed by metric, question (RATING; '' otherwise), time and every
-- dimension a response carries ('' for none). n, total and total_sq give the mean and its variance; d0..d10 count
-- the scores 0..10 of the fixed scales (NPS, CSAT 1–5, CES 1–7, CLI parts 0–10). For CLI a response's value is
-- the sum of its three answers (0..30, divided by 3 when read) and cli_* hold the sums of each part.
-- RATING scales (up to 101 points wide) keep only n, total and total_sq here.
create table score_rollup_hour (
    metric             text        not null,
    question_id        text        not null default '',
    bucket_start       timestamptz not null,
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
    primary key (metric, question_id, bucket_start, touchpoint_key, channel, segment, survey_id)
);

-- The same counts by local day in the reporting time zone (voc.metrics.reporting-zone): day, week and month
-- queries in that zone read one row per day instead of 24. Rebuilt from the hourly table when the zone changes.
create table score_rollup_day (
    metric             text        not null,
    question_id        text        not null default '',
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
    primary key (metric, question_id, day, touchpoint_key, channel, segment, survey_id)
);

-- The zone score_rollup_day was built in; null until the service has built it once.
create table reporting_zone (
    singleton boolean primary key default true check (singleton),
    zone      text
);
insert into reporting_zone (zone) values (null);

-- The NPS roll-ups kept before every score type had one. Their scores were never kept, only the three classes:
-- they land in the bins 0 (detractors), 7 (passives) and 10 (promoters), which is exact for everything NPS reports
-- (its classes, score and interval) and not a distribution. Their segment and survey were never known: ''.
insert into score_rollup_hour (metric, bucket_start, touchpoint_key, channel, n, total, total_sq, d0, d7, d10)
select 'NPS', bucket_start, touchpoint_key, channel, responses,
       7 * passives + 10 * promoters, 49 * passives + 100 * promoters, detractors, passives, promoters
from nps_rollup;
drop table nps_rollup;
